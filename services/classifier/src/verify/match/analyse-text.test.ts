import { describe, expect, it } from 'vitest';
import { analyseText, cleanText, splitCompound } from './analyse-text.ts';

describe('analyseText', () => {
  it('turns hashtags and handles into words and drops URLs', () => {
    expect(splitCompound('AustralianFires')).toBe('Australian Fires');
    expect(splitCompound('realDonaldTrump')).toBe('real Donald Trump');
    const cleaned = cleanText('Fires #AustralianFires pic.twitter.com/0eJt https://t.co/x &amp; more');
    expect(cleaned).not.toContain('http');
    expect(cleaned).not.toContain('pic.twitter');
    expect(cleaned).toContain('Australian Fires');
    expect(cleaned).toContain('&');
    // Links glued to the hashtag before them go too.
    expect(cleanText('#WW3pic.twitter.com/9CgO #DefundTheCBChttps://t.co/Cs')).not.toMatch(/pic|http|t\.co/);
    expect(cleanText('#WW3pic.twitter.com/9CgO')).toContain('WW 3');
  });

  it('expands English contractions so they meet the stopword list', () => {
    expect(cleanText('It can’t be, they didn’t, I’m sure we’ll')).toBe(
      'It can not be, they did not, I am sure we will',
    );
    expect(analyseText('They didn’t ban it').stems).toEqual(analyseText('They did not ban it').stems);
  });

  it('stems English words and drops stopwords', () => {
    const v = analyseText('The migrants were fleeing the borders');
    expect(v.stems).toEqual(['migrant', 'flee', 'border']);
    expect(v.bigrams).toEqual(['migrant_flee', 'flee_border']);
  });

  it('folds Vietnamese syllables so text typed without tone marks matches', () => {
    const marked = analyseText('Việt Nam và Hoa Kỳ thiết lập quan hệ ngoại giao');
    const plain = analyseText('Viet Nam va Hoa Ky thiet lap quan he ngoai giao');
    expect(marked.stems).toEqual(['viet', 'nam', 'hoa', 'ky', 'thiet', 'lap', 'quan', 'he', 'ngoai', 'giao']);
    expect(plain.stems).toContain('ngoai');
    expect(marked.bigrams).toContain('ngoai_giao');
    expect(plain.bigrams).toContain('ngoai_giao');
    // The exact view keeps tone marks apart: "Mỹ" is not "my".
    expect(analyseText('Mỹ').exact).toEqual(['mỹ']);
  });

  it('normalises numbers across conventions', () => {
    expect(analyseText('1,000 người').nums).toEqual(['#n:1000']);
    expect(analyseText('1.000 người').nums).toEqual(['#n:1000']);
    expect(analyseText('8,67 tỷ USD').nums).toEqual(['#n:8.67']);
    expect(analyseText('in 1995').nums).toEqual(['#n:1995']);
  });

  it('uses character bigrams for CJK text and adds entity ids from a finder', () => {
    const v = analyseText('越南与美国建交', {
      findEntities: (t) => (t.includes('美国') ? [{ id: 'US', kind: 'country' }] : []),
    });
    expect(v.stems).toContain('越南');
    expect(v.ids).toEqual(['#c:US']);
  });
});
