import type { JourneyStep } from '@kiosk/protocol';

/**
 * What the kiosk says on each citizen screen when spoken prompts are on (issue 21): generic
 * instructions in Vietnamese, the same for every citizen. Nothing here may carry a name, a
 * number or any answer: the text is fixed at build time, and the renderer asks by step only.
 */
export const SCREEN_PROMPTS: Readonly<Record<JourneyStep, string>> = {
  idle: 'Xin mời đặt thẻ căn cước lên đầu đọc thẻ, hoặc đưa mã QR trên thẻ vào máy quét.',
  identifying: 'Đang đọc thẻ. Xin vui lòng giữ nguyên thẻ trên đầu đọc.',
  identifyFailed:
    'Không đọc được thẻ. Xin chọn thử lại, hoặc chọn cách khác để xác định danh tính.',
  choosingProcedure:
    'Xin chọn thủ tục hành chính cần làm. Dùng phím mũi tên hoặc phím Tab để di chuyển, phím Enter để chọn.',
  reviewingForm:
    'Xin kiểm tra tờ khai đã được điền sẵn và bổ sung những mục còn thiếu, rồi chọn Tiếp tục.',
  confirming:
    'Xin kiểm tra thông tin, lệ phí và giấy tờ cần mang theo, rồi chọn Xác nhận để nộp hồ sơ.',
  submitting: 'Đang nộp hồ sơ. Xin vui lòng chờ.',
  submitFailed: 'Chưa nộp được hồ sơ. Xin chọn Thử lại.',
  payingFee:
    'Hồ sơ đã được nộp. Để nộp lệ phí, xin mở ứng dụng ngân hàng và quét mã QR trên màn hình, hoặc chọn Thanh toán sau tại quầy.',
  printing: 'Đang in giấy hẹn. Xin vui lòng chờ.',
  printFailed:
    'Máy in đang gặp sự cố. Giấy hẹn hiện trên màn hình; xin đến quầy tiếp nhận để nhận bản in.',
  done: 'Đã nộp hồ sơ. Xin nhận giấy hẹn ở khe máy in, rồi chọn Hoàn tất.',
  statusLookup: 'Xin quét mã QR trên giấy hẹn, hoặc nhập mã hồ sơ để tra cứu.',
  procedureInfo:
    'Đây là thông tin về thủ tục: giấy tờ cần mang theo, lệ phí và thời hạn giải quyết. Để nộp hồ sơ, xin đặt thẻ căn cước lên đầu đọc.',
  rating:
    'Xin cho biết mức độ hài lòng với dịch vụ hôm nay, hoặc chọn Bỏ qua. Xin đừng ghi họ tên hay số điện thoại vào góp ý.',
  takingNumber:
    'Xin chọn lĩnh vực cần hỏi để lấy số thứ tự, rồi nhận phiếu ở khe máy in và chờ gọi số tại quầy.',
};

/** The prompt of a step. */
export function screenPrompt(step: JourneyStep): string {
  return SCREEN_PROMPTS[step];
}
