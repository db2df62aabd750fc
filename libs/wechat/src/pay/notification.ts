import { decryptAesGcm } from './aes-gcm';
import { WechatPayNotificationError } from './errors';
import type { WechatPayNotification } from './types';
import { checkWechatpaySignature, type HeaderBag, type SignatureCheck } from './verify-signature';

export interface NotificationCheck extends SignatureCheck {
  apiV3Key: string;
  /** when given, a decrypted resource naming another merchant / app is refused */
  mchId?: string;
  appId?: string;
}

interface Envelope {
  id?: unknown;
  create_time?: unknown;
  event_type?: unknown;
  resource_type?: unknown;
  summary?: unknown;
  resource?: {
    original_type?: unknown;
    algorithm?: unknown;
    ciphertext?: unknown;
    associated_data?: unknown;
    nonce?: unknown;
  };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Order (spec §2.4/§2.5): headers → SIGNTEST probe → timestamp → serial → RSA over the raw body
 * → JSON → AES-GCM (tag enforced) → mchid/appid. The amount check needs the stored order and
 * stays with the caller.
 */
export function verifyNotification<R>(
  headers: HeaderBag,
  rawBody: Buffer | string,
  check: NotificationCheck,
): WechatPayNotification<R> {
  const failure = checkWechatpaySignature(headers, rawBody, check);
  if (failure) throw new WechatPayNotificationError(failure.reason, `notification refused: ${failure.detail}`);
  const raw = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');

  let envelope: Envelope;
  try {
    envelope = JSON.parse(raw) as Envelope;
  } catch {
    throw new WechatPayNotificationError('malformed', 'notification body is not JSON');
  }
  const r = envelope?.resource;
  if (
    !r ||
    typeof r !== 'object' ||
    typeof r.ciphertext !== 'string' ||
    typeof r.nonce !== 'string' ||
    !str(envelope.id)
  ) {
    throw new WechatPayNotificationError('malformed', 'notification lacks id or resource ciphertext/nonce');
  }
  if (r.algorithm !== 'AEAD_AES_256_GCM') {
    throw new WechatPayNotificationError('malformed', `unsupported algorithm ${String(r.algorithm)}`);
  }

  let plaintext: string;
  try {
    // associated_data may legitimately be empty for some event types: do not require it.
    plaintext = decryptAesGcm({
      ciphertextB64: r.ciphertext,
      apiV3Key: check.apiV3Key,
      nonce: r.nonce,
      associatedData: str(r.associated_data),
    });
  } catch {
    throw new WechatPayNotificationError('decrypt_failed', 'resource failed AES-GCM authentication (APIv3 key?)');
  }
  let resource: unknown;
  try {
    resource = JSON.parse(plaintext);
  } catch {
    throw new WechatPayNotificationError('malformed', 'decrypted resource is not JSON');
  }
  if (typeof resource !== 'object' || resource === null || Array.isArray(resource)) {
    throw new WechatPayNotificationError('malformed', 'decrypted resource is not a JSON object');
  }
  // Required, not merely checked when present: a resource that names no merchant (or, for a
  // payment, no app) is not proof that the money reached this shop. Refund resources carry no
  // appid (spec §2.6), so appid is required only for TRANSACTION.* events.
  if (check.mchId !== undefined && (resource as { mchid?: unknown }).mchid !== check.mchId) {
    throw new WechatPayNotificationError('mchid_mismatch', 'resource names another mchid, or none');
  }
  const needsAppId = str(envelope.event_type).startsWith('TRANSACTION.') || 'appid' in resource;
  if (check.appId !== undefined && needsAppId && (resource as { appid?: unknown }).appid !== check.appId) {
    throw new WechatPayNotificationError('appid_mismatch', 'resource names another appid, or none');
  }
  return {
    id: str(envelope.id),
    eventType: str(envelope.event_type),
    createTime: str(envelope.create_time),
    summary: str(envelope.summary),
    resourceType: str(envelope.resource_type),
    originalType: str(r.original_type),
    resource: resource as R,
    raw,
    plaintext,
  };
}
