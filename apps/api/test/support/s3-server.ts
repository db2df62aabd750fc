import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from './free-port';

/** Where scripts/s3-test-server.sh puts the gofakes3 binary (pinned version, built with `go install`). */
export const S3_SERVER_BIN = process.env.S3_TEST_SERVER_BIN ?? '/root/.cache/sutwxapp-tools/gofakes3-v1.2.0/gofakes3';

/** Why the S3 tests cannot run here, or null when they can. */
export const s3Unavailable = (): string | null =>
  existsSync(S3_SERVER_BIN)
    ? null
    : `S3 tests skipped: no S3-compatible server at ${S3_SERVER_BIN}; run scripts/s3-test-server.sh to build it (needs Go)`;

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/** A real S3-compatible server (gofakes3, in memory) on a random loopback port, with one bucket. */
export async function startS3Server(bucket = 'sutwxapp-test'): Promise<S3TestServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    S3_SERVER_BIN,
    ['-backend', 'memory', '-host', `127.0.0.1:${port}`, '-initialbucket', bucket],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`gofakes3 exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${endpoint}/${bucket}?list-type=2`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (i > 100) throw new Error(`gofakes3 did not start on ${endpoint}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    endpoint,
    bucket,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
