import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

/** A short random marker for titles, so keyword searches find only this test's products. */
export const uniqueTag = (): string => randomUUID().replace(/-/g, '').slice(0, 10);

/** A Prometheus counter's current value for one label set (0 when not yet created). */
export async function metricValue(t: TestApp, name: string, labels: Record<string, string>): Promise<number> {
  const text = (await t.http.get('/metrics').expect(200)).text;
  const wanted = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort();
  for (const line of text.split('\n')) {
    const m = /^(\w+)\{([^}]*)\} ([\d.e+-]+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2].split(',').sort();
    if (wanted.every((w) => have.includes(w))) return Number(m[3]);
  }
  return 0;
}
