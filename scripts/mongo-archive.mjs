#!/usr/bin/env node
// The event store's backup and restore where mongodump/mongorestore are not installed (they are
// in the backup image; Debian does not package them). Uses the Node driver that mongoose already
// brings, so it works against MongoDB and FerretDB alike. Called by backup.sh / restore.sh.
//
//   MONGODB_URI=… node scripts/mongo-archive.mjs dump FILE.ejson.gz
//   MONGODB_URI=… node scripts/mongo-archive.mjs restore FILE.ejson.gz [--drop]
//   MONGODB_URI=… node scripts/mongo-archive.mjs collections       (prints how many there are)
//
// The URI (with its password) is read from the environment, never from the command line.
// Format: gzip of JSON lines in canonical Extended JSON (types survive: dates, ObjectIds,
// Int64, Decimal128): {"collection": name, "indexes": […]}, then {"c": name, "d": document}…,
// and a last line {"end": true, "documents": N} so a truncated file is refused.
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { BSON, MongoClient } from 'mongodb';

const { EJSON } = BSON;

const [command, file, flag] = process.argv.slice(2);
const uri = process.env.MONGODB_URI;
if (!uri) fail('MONGODB_URI is not set');

function fail(message) {
  console.error(`mongo-archive: ${message}`);
  process.exit(1);
}
const line = (value) => `${EJSON.stringify(value, { relaxed: false })}\n`;

async function dump(db, target) {
  const partial = `${target}.partial`;
  let documents = 0;
  async function* lines() {
    for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
      if (name.startsWith('system.')) continue;
      const collection = db.collection(name);
      const indexes = (await collection.indexes()).filter((i) => i.name !== '_id_');
      yield line({ collection: name, indexes });
      for await (const doc of collection.find({}).sort({ _id: 1 })) {
        documents += 1;
        yield line({ c: name, d: doc });
      }
    }
    yield line({ end: true, documents });
  }
  await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
  await rename(partial, target);
  console.log(`mongo-archive: dumped ${documents} document(s) of ${db.databaseName} to ${target}`);
}

async function restore(db, source, drop) {
  // Read and check the whole file before touching the database: a truncated file changes nothing.
  const entries = [];
  let end = null;
  const reader = createInterface({ input: createReadStream(source).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const text of reader) {
    if (text.trim() === '') continue;
    const entry = EJSON.parse(text, { relaxed: false });
    if (entry.end) end = entry;
    else entries.push(entry);
  }
  const docs = entries.filter((e) => e.c !== undefined).length;
  if (!end || Number(end.documents) !== docs)
    fail(`${source} is incomplete (no end record, or ${docs} documents for ${end?.documents})`);
  const collections = entries.filter((e) => e.collection !== undefined);
  for (const { collection: name, indexes } of collections) {
    if (drop)
      await db
        .collection(name)
        .drop()
        .catch(() => undefined);
    const batch = [];
    const flush = async () => {
      if (batch.length) await db.collection(name).insertMany(batch.splice(0), { ordered: true });
    };
    for (const e of entries) {
      if (e.c !== name) continue;
      batch.push(e.d);
      if (batch.length >= 1000) await flush();
    }
    await flush();
    for (const { key, name: indexName, v: _v, ns: _ns, ...options } of indexes) {
      // FerretDB drops options it lacks (expireAfterSeconds); the index itself is still made.
      await db.collection(name).createIndex(key, { name: indexName, ...options });
    }
  }
  console.log(
    `mongo-archive: restored ${docs} document(s) in ${collections.length} collection(s) into ${db.databaseName}`,
  );
}

const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
try {
  await client.connect();
  const db = client.db();
  if (command === 'dump' && file) await dump(db, file);
  else if (command === 'restore' && file) await restore(db, file, flag === '--drop');
  else if (command === 'collections') {
    const names = await db.listCollections({}, { nameOnly: true }).toArray();
    console.log(names.filter((c) => !c.name.startsWith('system.')).length);
  } else fail('usage: mongo-archive.mjs dump FILE | restore FILE [--drop] | collections');
} catch (err) {
  if (command === 'dump' && file) await rm(`${file}.partial`, { force: true });
  fail(err instanceof Error ? err.message : String(err));
} finally {
  await client.close();
}
