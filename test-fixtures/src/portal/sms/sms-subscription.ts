import { isRecord } from '../../registry/simulator-http';
import { SUBSCRIBABLE_CODE } from './status-sms-text';

/** A Vietnamese mobile number in international form without `+` (84 + 9 digits). */
const VIETNAMESE_MOBILE = /^84[35789]\d{8}$/;

/**
 * The SMS subscription a dossier carries (`DangKySms: { DongY: true, SoDienThoai }`): the
 * destination number when the citizen agreed, the number is a Vietnamese mobile and the code is
 * one a status message can carry; otherwise none. Consent must be the literal `true`.
 */
export function smsSubscriptionOf(body: Record<string, unknown>): string | undefined {
  const subscription = body['DangKySms'];
  if (!isRecord(subscription) || subscription['DongY'] !== true) return undefined;
  const phone = subscription['SoDienThoai'];
  const code = body['MaHoSo'];
  if (typeof phone !== 'string' || !VIETNAMESE_MOBILE.test(phone)) return undefined;
  if (typeof code !== 'string' || !SUBSCRIBABLE_CODE.test(code)) return undefined;
  return phone;
}
