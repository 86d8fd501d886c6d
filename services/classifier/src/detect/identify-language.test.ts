import { describe, expect, it } from 'vitest';
import { identifyLanguage } from './identify-language.ts';
import { unaccentedVietnamese } from './vietnamese-orthography.ts';

describe('identifyLanguage', () => {
  it('recognises Vietnamese with and without tone marks, English, Chinese and French', async () => {
    expect((await identifyLanguage('Việt Nam và Hàn Quốc thiết lập quan hệ ngoại giao năm 1992.')).lang).toBe(
      'vi',
    );
    const bare = await identifyLanguage(
      'Viet Nam va Han Quoc chinh thuc thiet lap quan he ngoai giao ngay 22/12/1992',
    );
    expect(bare).toMatchObject({ lang: 'vi', method: 'orthography' });
    expect(
      (await identifyLanguage('Vietnam and South Korea established diplomatic relations in 1992.')).lang,
    ).toBe('en');
    expect((await identifyLanguage('越南与韩国于1992年建交。')).lang).toBe('zh');
    expect(
      (await identifyLanguage('Le Vietnam et la France ont signé un accord de partenariat stratégique.'))
        .lang,
    ).toBe('fr');
  });

  it('reads past newlines (fastText alone stops at the first one)', async () => {
    expect(
      (await identifyLanguage('\n\nViệt Nam\nvà Nhật Bản nâng cấp quan hệ lên Đối tác chiến lược toàn diện.'))
        .lang,
    ).toBe('vi');
  });

  it('returns und for blank text', async () => {
    expect(await identifyLanguage('  \n ')).toMatchObject({ lang: 'und', method: 'empty' });
  });
});

describe('unaccentedVietnamese', () => {
  it('accepts Vietnamese syllables without tone marks and rejects English and French prose', () => {
    expect(
      unaccentedVietnamese('Nam nay chac Tet se lanh hon moi nam, nho chuan bi ao am').isVietnamese,
    ).toBe(true);
    expect(
      unaccentedVietnamese('Kim ngach xuat khau thuy san sang My 9 thang dat hon 1,4 ty USD').isVietnamese,
    ).toBe(true);
    expect(unaccentedVietnamese('So don’t tell me about this, we are going to do it.').isVietnamese).toBe(
      false,
    );
    expect(unaccentedVietnamese('Le ministre a dit que la situation est grave.').isVietnamese).toBe(false);
    expect(unaccentedVietnamese('Việt Nam và Hàn Quốc').isVietnamese).toBe(false);
  });
});
