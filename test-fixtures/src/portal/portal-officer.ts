import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord, parseJson, readBody, sendJson, sendText } from '../registry/simulator-http';
import type { Acceptance, PendingDossier, PortalStore } from './portal-store';

/** The officer's screen and actions of the simulated one-stop system (Bộ phận Một cửa). */
export const OFFICER_PATH = '/can-bo';
const DOSSIER_ACTION = /^\/can-bo\/ho-so\/([^/]+)\/(tiep-nhan|tu-choi)$/;

/** The register book (quyển số) of a year, as centres number them. */
export function registerBookOf(at: number): string {
  return String(new Date(at).getUTCFullYear());
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function row(d: PendingDossier): string {
  const code = escapeHtml(d.code);
  const action = (verb: string) => `${OFFICER_PATH}/ho-so/${encodeURIComponent(d.code)}/${verb}`;
  return `<tr data-code="${code}"><td>${code}</td><td>${escapeHtml(d.procedureCode)}</td>
<td>${escapeHtml(d.applicantName)}</td><td>${new Date(d.receivedAt).toISOString()}</td>
<td><form method="post" action="${action('tiep-nhan')}"><input name="CanBo" required placeholder="Họ tên cán bộ" aria-label="Cán bộ tiếp nhận ${code}">
<button type="submit">Tiếp nhận</button></form>
<form method="post" action="${action('tu-choi')}"><input name="CanBo" required placeholder="Họ tên cán bộ" aria-label="Cán bộ từ chối ${code}">
<input name="LyDo" required placeholder="Lý do" aria-label="Lý do từ chối ${code}"><button type="submit">Từ chối</button></form></td></tr>`;
}

/** The list of dossiers waiting for acceptance, with accept and refuse buttons. */
export function officerPage(pending: readonly PendingDossier[]): string {
  const rows = pending.map(row).join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tiếp nhận hồ sơ – mô phỏng</title></head>
<body><h1>Hồ sơ chờ tiếp nhận</h1>
<p>Hệ thống một cửa mô phỏng: cán bộ kiểm tra giấy tờ tại quầy rồi tiếp nhận hoặc từ chối.</p>
${pending.length === 0 ? '<p id="empty">Không có hồ sơ chờ tiếp nhận.</p>' : `<table><thead><tr><th>Mã hồ sơ</th><th>Thủ tục</th><th>Người nộp</th><th>Nộp lúc</th><th></th></tr></thead><tbody>${rows}</tbody></table>`}
</body></html>`;
}

/** Reads `CanBo` / `LyDo` from a JSON body or an HTML form post. */
function fieldsOf(req: IncomingMessage, text: string): Record<string, string> {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  const body = parseJson(text);
  if (!isRecord(body)) return {};
  return Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/**
 * Handles the officer's requests; false when the path is not one of them. An HTML form post is
 * answered with a redirect back to the list, a JSON call with the decision.
 */
export function handleOfficerRequest(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  store: PortalStore,
  now: () => number,
  onDecided?: (code: string, decision: Acceptance) => void,
): boolean {
  if (req.method === 'GET' && path === OFFICER_PATH) {
    sendText(res, 200, officerPage(store.pending()), 'text/html; charset=utf-8');
    return true;
  }
  const match = req.method === 'POST' ? DOSSIER_ACTION.exec(path) : null;
  if (!match) return false;
  const code = decodeURIComponent(match[1] ?? '');
  const accept = match[2] === 'tiep-nhan';
  readBody(req)
    .then((text) => {
      const fields = fieldsOf(req, text);
      const officer = (fields['CanBo'] ?? '').trim();
      const reason = (fields['LyDo'] ?? '').trim();
      if (officer === '' || (!accept && reason === ''))
        return sendJson(res, 422, {
          error: accept ? 'CanBo is required' : 'CanBo and LyDo are required',
        });
      const dossier = store.byCode(code);
      if (!dossier) return sendJson(res, 404, { error: 'không tìm thấy hồ sơ' });
      const at = now();
      const decision: Acceptance = accept
        ? {
            state: 'accepted',
            officer,
            at,
            registerBook: registerBookOf(at),
            registerEntry: String(store.nextRegisterEntry()).padStart(4, '0'),
          }
        : { state: 'refused', officer, at, reason };
      if (!store.decide(code, decision))
        return sendJson(res, 409, { error: 'hồ sơ đã được xử lý' });
      onDecided?.(code, decision);
      if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        res.writeHead(303, { location: OFFICER_PATH });
        res.end();
        return;
      }
      sendJson(res, 200, { MaHoSo: code, KetQua: decision.state });
    })
    .catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'simulator error' });
    });
  return true;
}
