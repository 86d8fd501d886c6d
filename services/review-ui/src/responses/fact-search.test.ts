import { describe, expect, it } from 'vitest';
import { foldAccents } from './fact-search.ts';

describe('accent folding for the fact search', () => {
  it('maps every Vietnamese vowel with its tone, and đ, to the base letter, keeping case', () => {
    expect(foldAccents('Việt Nam gia nhập ASEAN; Đối tác Chiến lược Toàn diện')).toBe(
      'Viet Nam gia nhap ASEAN; Doi tac Chien luoc Toan dien',
    );
    expect(foldAccents('ỮỰỲỴÝ ữựỳỵý ăâêôơư')).toBe('UUYYY uuyyy aaeoou');
  });

  it('folds decomposed input the same as precomposed, and leaves other scripts alone', () => {
    expect(foldAccents('Vie\u0323\u0302t')).toBe('Viet');
    expect(foldAccents('越南 Вьетнам')).toBe('越南 Вьетнам');
  });
});
