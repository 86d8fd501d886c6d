import { describe, expect, it } from 'vitest';
import { claimTypeOf } from './claim-features.ts';
import { findDates } from './dates.ts';
import { findQuantities } from './quantities.ts';

const typeOf = (s: string, lang = 'vi') => claimTypeOf(s, [], findQuantities(s, lang, findDates(s)));

describe('claim type (annotation guide precedence)', () => {
  it('names each type from its cues', () => {
    expect(typeOf('Việt Nam và Hoa Kỳ chính thức thiết lập quan hệ ngoại giao ngày 12/7/1995.')).toBe(
      'relations_established',
    );
    expect(typeOf('Việt Nam và Nhật Bản nâng quan hệ lên Đối tác chiến lược toàn diện năm 2023.')).toBe(
      'partnership_level',
    );
    expect(typeOf('Việt Nam gia nhập Liên Hợp Quốc ngày 20/9/1977.')).toBe('membership');
    expect(typeOf('Hai bên đã ký 12 văn kiện hợp tác.')).toBe('agreement_signed');
    expect(typeOf('Kim ngạch thương mại song phương đạt 8,67 tỷ USD.')).toBe('figure');
    expect(typeOf('Thủ tướng sẽ thăm chính thức Nhật Bản từ ngày 20 đến 22/5.')).toBe('visit_meeting');
    expect(typeOf('“Việt Nam kiên quyết phản đối”, Người phát ngôn nói.')).toBe('quote');
    expect(typeOf('Việt Nam đã gửi công hàm phản đối lệnh cấm đánh bắt cá.')).toBe('other');
  });

  it('applies precedence: a visit that produced signings is agreement_signed', () => {
    expect(typeOf('Trong chuyến thăm, hai bên đã ký 12 văn kiện hợp tác.')).toBe('agreement_signed');
  });

  it('does not read kỳ, nhiệm kỳ, đăng ký or bất kỳ as signing, nor tham gia as a visit', () => {
    expect(typeOf('Hoa Kỳ là nhà đầu tư lớn nhất với vốn đăng ký cao nhất.')).toBe('figure');
    expect(typeOf('Việt Nam không tham gia liên minh quân sự nào, trong bất kỳ hoàn cảnh nào.')).toBe(
      'other',
    );
  });

  it('treats rankings of trade partners as figures and works in English', () => {
    expect(typeOf('China is still Vietnam’s largest trading partner.', 'en')).toBe('figure');
    expect(typeOf('Vietnam and Japan signed an agreement on 8 August 2025.', 'en')).toBe('agreement_signed');
    expect(typeOf('Vietnam joined ASEAN in July 1995.', 'en')).toBe('membership');
  });
});
