import type { AppConfig } from '../config/app-config';

/** Stored asset paths ("/api/v1/assets/…") become absolute so the mini-program can load them. */
export function publicUrl(config: Pick<AppConfig, 'publicBaseUrl'>, path: string | null): string | null {
  if (!path) return null;
  return path.startsWith('/') ? `${config.publicBaseUrl}${path}` : path;
}
