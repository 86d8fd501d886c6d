import { describe, expect, it } from 'vitest';
import { parseVerifyPolicy } from './policy/verify-policy.ts';
import { buildReferenceSet, findNarratives } from './reference-set.ts';
import { fixtureFacts, fixtureNarratives } from './testing/reference-fixtures.ts';
import { findTestEntities } from './testing/test-gazetteer.ts';
import { narrativeSignatures, type VerifyContext, verifyClaim } from './verify-claims.ts';

const set = buildReferenceSet(fixtureFacts, fixtureNarratives, findTestEntities);
const policy = parseVerifyPolicy(
  JSON.stringify({
    id: 'test-policy',
    revision: '1',
    autoLinkMinWords: 8,
    thresholds: {
      default: {
        verdictConfidence: 0.7,
        verdictAutoLink: 0.85,
        narrativeLinked: 0.15,
        narrativeSuggest: 0.75,
        narrativeAutoLink: 0.75,
        narrativeMargin: 0.1,
        factSuggest: 0.25,
        nliContradiction: 0.8,
        checkworthiness: 0.6,
      },
      vi: { checkworthiness: 0.9 },
    },
  }),
);
const ctx: VerifyContext = { set, policy, models: [{ id: 'test-policy', revision: policy.revision }] };
const verify = (text: string, lang = 'en', checkworthiness = 0.8) =>
  verifyClaim(
    {
      text,
      start: 0,
      end: text.length,
      lang,
      entities: findTestEntities(text),
      date: new Date('2026-11-01'),
      checkworthiness,
      model: { id: 'cw', revision: '1' },
    },
    ctx,
  );
const summary = async (text: string, lang?: string, cw?: number) =>
  (await verify(text, lang, cw)).map((f) => [f.reason, f.references[0]?.id, f.tier]);

describe('verifyClaim', () => {
  it('auto-links a contradicted fact on a claim of eight words or more, only suggests on a shorter one', async () => {
    expect(
      await summary('Vietnam and South Korea established diplomatic relations in 1995, officials recalled.'),
    ).toEqual([['contradicts_verified_fact', 'vn-kr-diplomatic-relations', 'auto_link']]);
    expect(await summary('Vietnam–Korea relations date from 1995 diplomatic relations.')).toEqual([
      ['contradicts_verified_fact', 'vn-kr-diplomatic-relations', 'suggest'],
    ]);
  });

  it('links a narrative whose own phrasings fail the same check, in Vietnamese and English', async () => {
    expect(narrativeSignatures(set).get('nar-vn-joined-military-alliance')).toContain('defence_alliance');
    for (const [text, lang] of [
      ['Với văn kiện vừa ký, Việt Nam đã chính thức gia nhập liên minh quân sự với Nga.', 'vi'],
      ['With the new document Vietnam has formally joined a military alliance with Russia.', 'en'],
    ] as const)
      expect((await summary(text, lang)).map(([reason, id]) => [reason, id])).toEqual([
        ['contradicts_verified_fact', 'vn-defence-four-nos'],
        ['repeats_known_narrative', 'nar-vn-joined-military-alliance'],
      ]);
  });

  it('does not flag a denial of the storyline, nor a claim a verified fact supports', async () => {
    expect(
      await summary(
        'Việt Nam không tham gia liên minh quân sự và không liên kết với nước này để chống nước kia.',
        'vi',
        0.5,
      ),
    ).toEqual([]);
    expect(
      await summary(
        'Vietnam and South Korea established diplomatic relations on 22 December 1992.',
        'en',
        0.99,
      ),
    ).toEqual([]);
  });

  it('suggests an unmatched check-worthy claim, with thresholds per language from the manifest', async () => {
    const text = 'Vietnam and Canada will open a new consulate in Toronto next year.';
    expect(await summary(text, 'en', 0.8)).toEqual([['unverified_checkworthy', undefined, 'suggest']]);
    expect(await summary(text, 'vi', 0.8)).toEqual([]);
    expect(policy.thresholdsFor('vi').values.checkworthiness).toBe(0.9);
    expect(policy.revision).toMatch(/^1\+[0-9a-f]{8}$/);
  });

  it('says that related facts listed with an unverified claim are context, not verdicts', async () => {
    const [unrelated] = await verify('A regional film festival will open in Da Nang next spring.');
    expect(unrelated?.evidence.matches).toEqual([]);
    expect(unrelated?.evidence.explanation.en).toContain('matches no verified fact yet');
    const [related] = await verify('Vietnam and Canada will open a new consulate in Toronto next year.');
    expect(related?.evidence.matches.length).toBeGreaterThan(0);
    expect(related?.evidence.explanation.en).toContain('context only');
    expect(related?.evidence.explanation.vi).toContain('chỉ để tham khảo');
  });
});

describe('thresholds per language and model version', () => {
  const calibratedPolicy = (models: { id: string; revision: string }[]) =>
    parseVerifyPolicy(
      JSON.stringify({
        id: 'test-policy',
        revision: '2',
        autoLinkMinWords: 8,
        thresholds: {
          default: JSON.parse(JSON.stringify(policy.thresholdsFor(null).values)),
          en: { verdictConfidence: 0.8, checkworthiness: 0.7 },
          vi: { checkworthiness: 0.9 },
        },
        calibration: { date: '2026-11-23', models, languages: ['en'] },
      }),
    );
  const referenceData = { id: 'claimwatch-reference-data', revision: 'abc123' };
  const claimModel = { id: 'cw', revision: '1' };

  it('marks a flag calibrated when the running models are the ones calibrated for', async () => {
    const p = calibratedPolicy([claimModel]);
    const c: VerifyContext = { set, policy: p, models: [{ id: p.id, revision: p.revision }] };
    const [flag] = await verifyClaim(
      {
        text: 'Vietnam and South Korea established diplomatic relations in 1995, officials recalled.',
        start: 0,
        end: 10,
        lang: 'en',
        entities: findTestEntities(
          'Vietnam and South Korea established diplomatic relations in 1995, officials recalled.',
        ),
        date: new Date('2026-11-01'),
        checkworthiness: 0.9,
        model: claimModel,
      },
      c,
    );
    expect(flag!.evidence.calibration).toEqual({ calibrated: true, section: 'en', mismatched: [] });
    expect(flag!.evidence.thresholds.verdictConfidence).toBe(0.8);
  });

  it('keeps the calibrated values but records calibrated: false when another model runs', async () => {
    const p = calibratedPolicy([{ id: 'cw', revision: 'other' }]);
    const c: VerifyContext = { set, policy: p, models: [{ id: p.id, revision: p.revision }] };
    const text = 'Vietnam and Canada will open a new consulate in Toronto next year.';
    const [flag] = await verifyClaim(
      {
        text,
        start: 0,
        end: text.length,
        lang: 'en',
        entities: findTestEntities(text),
        date: new Date('2026-11-01'),
        checkworthiness: 0.75,
        model: claimModel,
      },
      c,
    );
    expect(flag!.reason).toBe('unverified_checkworthy');
    expect(flag!.evidence.thresholds.checkworthiness).toBe(0.7);
    expect(flag!.evidence.calibration).toEqual({
      calibrated: false,
      section: 'en',
      mismatched: ['cw@1 (calibrated for cw@other)'],
    });
  });

  it('says which side differs: a model missing now, a model added since, a hand-set section', () => {
    const p = calibratedPolicy([claimModel, referenceData]);
    expect(p.thresholdsFor('en', [claimModel]).calibration.mismatched).toEqual([
      `${referenceData.id}@none (calibrated for ${referenceData.id}@${referenceData.revision})`,
    ]);
    expect(
      p.thresholdsFor('en', [claimModel, referenceData, { id: 'ranker', revision: 'r1' }]).calibration,
    ).toEqual({ calibrated: false, section: 'en', mismatched: ['ranker@r1 (calibrated for none)'] });
    // vi has a section, but the calibration did not cover it; zh has none: the default applies.
    expect(p.thresholdsFor('vi', [claimModel, referenceData]).calibration).toEqual({
      calibrated: false,
      section: 'vi',
      mismatched: [],
    });
    expect(p.thresholdsFor('zh', [claimModel, referenceData])).toMatchObject({
      values: { verdictConfidence: 0.7 },
      calibration: { calibrated: false, section: null },
    });
  });
});

describe('past responses as references', () => {
  const answeredClaim =
    'Vietnam and South Korea established diplomatic relations in 1995, officials recalled.';
  const withAnswers: VerifyContext = {
    ...ctx,
    set: buildReferenceSet(fixtureFacts, fixtureNarratives, findTestEntities, {
      answered: [{ responseId: 'resp-1', claimId: 'claim-1', text: answeredClaim }],
    }),
  };
  const run = (text: string) =>
    verifyClaim(
      {
        text,
        start: 0,
        end: text.length,
        lang: 'en',
        entities: findTestEntities(text),
        date: new Date('2026-11-01'),
        checkworthiness: 0.8,
        model: { id: 'cw', revision: '1' },
      },
      withAnswers,
    );

  it('cite an approved response that answered the same claim, next to the fact', async () => {
    const [flag, ...rest] = await run(
      'Officials recalled that Vietnam and South Korea established diplomatic relations in 1995.',
    );
    expect(rest).toEqual([]);
    expect(flag?.reason).toBe('contradicts_verified_fact');
    expect(flag?.references.map((r) => [r.kind, r.id])).toEqual([
      ['verified_fact', 'vn-kr-diplomatic-relations'],
      ['response', 'resp-1'],
    ]);
    expect(flag?.evidence.matches.at(-1)).toMatchObject({ kind: 'response', id: 'resp-1' });
    expect(flag?.evidence.thresholds.pastResponse).toBe(0.75);
  });

  it('are not cited for a claim that only shares the topic', async () => {
    const [flag] = await run(
      'Vietnam and Japan established diplomatic relations in 1975, officials recalled.',
    );
    expect(flag?.reason).toBe('contradicts_verified_fact');
    expect(flag?.references.some((r) => r.kind === 'response')).toBe(false);
  });
});

describe('confirmed narrative repetitions', () => {
  // Told without any of the narrative's own words: only a confirmed earlier claim links it.
  const confirmedClaim = 'Hà Nội nay đã là chư hầu quân sự của Điện Kremlin, theo một blog ẩn danh.';
  const later = 'Một blog ẩn danh viết rằng Hà Nội nay đã là chư hầu quân sự của Điện Kremlin.';
  const withConfirmed = buildReferenceSet(fixtureFacts, fixtureNarratives, findTestEntities, {
    confirmed: [{ referenceId: 'nar-vn-joined-military-alliance', claimId: 'claim-9', text: confirmedClaim }],
  });

  it('become example phrasings: a later claim told the same way is matched to the narrative', () => {
    const best = (s: typeof set) => findNarratives(s, later, 1)[0];
    expect(best(set)?.score ?? 0).toBeLessThan(0.5);
    expect(best(withConfirmed)).toMatchObject({ id: 'nar-vn-joined-military-alliance' });
    expect(best(withConfirmed)!.score).toBeGreaterThanOrEqual(0.75);
  });
});
