import type { AppConfig } from '../config/app-config';
import { mediaUrl, parseMediaRef } from './media-ref';

export type PublicUrlConfig = Pick<AppConfig, 'publicBaseUrl'> & { media?: Pick<AppConfig['media'], 'publicBaseUrl'> };

/**
 * Stored image references become absolute URLs the mini-program can load: asset paths
 * ("/api/v1/assets/…") under the API's base, media references (`media:<id>/<hash>`) under the
 * media base (a CDN when MEDIA_PUBLIC_BASE_URL is set) at the width the page shows.
 */
export function publicUrl(config: PublicUrlConfig, path: string | null, width: 240 | 750 | 1500 = 750): string | null {
  if (!path) return null;
  const ref = parseMediaRef(path);
  if (ref) return mediaUrl(config.media?.publicBaseUrl ?? `${config.publicBaseUrl}/media`, ref.hash, width);
  return path.startsWith('/') ? `${config.publicBaseUrl}${path}` : path;
}
