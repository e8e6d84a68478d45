/**
 * The payment screen after the dossier is filed (issue 17): the dynamic VietQR the citizen scans
 * with a banking app, the amount, and until when the kiosk waits before the fee is left to the
 * counter ("Thanh toán sau tại quầy").
 */
export interface PaymentQrView {
  /** The EMV merchant-presented QR payload (NAPAS 247 VietQR); the dossier code is its purpose. */
  readonly qrPayload: string;
  readonly amountVnd: number;
  /** How long the kiosk waits in all, and when it stops waiting (ISO 8601). */
  readonly waitSeconds: number;
  readonly expiresAt: string;
}

export interface PaymentView {
  /** `requesting`: the platform transaction is being created; `waiting`: the QR is shown. */
  readonly phase: 'requesting' | 'waiting';
  readonly qr?: PaymentQrView;
}
