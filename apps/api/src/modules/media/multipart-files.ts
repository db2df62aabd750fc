import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, Errors } from '../../common/errors/app-error';
import type { MediaConfig } from '../../config/app-config';
import { newImageHash } from './ingest';

/** One uploaded file, on disk: its first bytes (for the format), its size and its hash. */
export interface ReceivedFile {
  path: string;
  filename: string;
  bytes: number;
  /** sha256 of the pipeline version and the bytes, hex; the storage directory */
  hash: string;
  head: Buffer;
}

const TMP_DIR = join(tmpdir(), 'sutwxapp-uploads');
const HEAD_BYTES = 64;

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Streams every file part of a multipart request to a temporary file (never the whole file in
 * memory), hashing it on the way. Limits are enforced by the multipart parser as bytes arrive;
 * its errors become our error shape. The caller must call `cleanup()` when done.
 */
export async function receiveFiles(
  request: FastifyRequest,
  limits: Pick<MediaConfig, 'maxFileBytes' | 'maxFiles'>,
): Promise<{ files: ReceivedFile[]; cleanup: () => Promise<void> }> {
  if (!request.isMultipart()) {
    throw Errors.UNSUPPORTED_MEDIA_TYPE(
      'Send the image as multipart/form-data with a "file" field (wx.uploadFile does this)',
    );
  }
  const files: ReceivedFile[] = [];
  const cleanup = () => Promise.all(files.map((f) => rm(f.path, { force: true }))).then(() => undefined);
  await mkdir(TMP_DIR, { recursive: true });
  try {
    const parts = request.files({
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 10, fieldSize: 1024 },
    });
    for await (const part of parts) {
      const path = join(TMP_DIR, randomUUID());
      const hash = newImageHash();
      const headChunks: Buffer[] = [];
      let bytes = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          if (bytes < HEAD_BYTES) headChunks.push(chunk.subarray(0, HEAD_BYTES - bytes));
          bytes += chunk.length;
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      const file: ReceivedFile = { path, filename: part.filename, bytes: 0, hash: '', head: Buffer.alloc(0) };
      files.push(file);
      await pipeline(part.file, tap, createWriteStream(path));
      if (part.file.truncated) throw tooLarge(limits.maxFileBytes);
      Object.assign(file, { bytes, hash: hash.digest('hex'), head: Buffer.concat(headChunks) });
    }
  } catch (err) {
    await cleanup();
    throw mapMultipartError(err, limits);
  }
  return { files, cleanup };
}

const tooLarge = (max: number): AppError =>
  Errors.MEDIA_TOO_LARGE(`Each image may be at most ${mb(max)}; compress it or send a smaller one`);

function mapMultipartError(err: unknown, limits: Pick<MediaConfig, 'maxFileBytes' | 'maxFiles'>): unknown {
  if (err instanceof AppError) return err;
  switch ((err as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(limits.maxFileBytes);
    case 'FST_FILES_LIMIT':
      return Errors.MEDIA_TOO_MANY_FILES(
        `At most ${limits.maxFiles} images per request; send the rest in another request`,
      );
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return Errors.PAYLOAD_TOO_LARGE('Too many form fields in the upload');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_NO_FORM_DATA':
      return Errors.UNSUPPORTED_MEDIA_TYPE('Send the image as multipart/form-data');
    case 'ERR_STREAM_PREMATURE_CLOSE':
    case 'ECONNRESET':
      // the client went away mid-upload: nothing was recorded, and nobody reads this answer
      return Errors.VALIDATION_FAILED('The upload was interrupted; send the file again');
    default:
      // a broken multipart body (busboy's "Unexpected end of form", bad boundary)
      if (err instanceof Error && /multipart|form|boundary/i.test(err.message)) {
        return Errors.VALIDATION_FAILED(`The upload could not be read: ${err.message}`);
      }
      return err;
  }
}
