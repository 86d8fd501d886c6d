/**
 * The stored digest: locale-independent figures (ids, codes, counts, ISO timestamps). The UI, the e-mail
 * and the exports render it in Vietnamese or English. Imports nothing, so the web UI can share the types.
 */

export type Compared = { current: number; previous: number; average4: number };
export type VolumeRow = { crawled: Compared; relevant: Compared; flagged: Compared };

export type DigestData = {
  version: 1;
  kind: 'week' | 'today' | 'week_to_date';
  /** ISO week (`2026-W47`), or the live window's first day. */
  label: string;
  timezone: string;
  periodStart: string;
  periodEnd: string;
  sla: { triageHours: number; responseHours: number };
  volume: {
    totals: VolumeRow;
    byLanguage: ({ lang: string } & VolumeRow)[];
    bySource: ({ sourceId: string | null; name: string } & VolumeRow)[];
    daily: { day: string; crawled: number; relevant: number; flagged: number }[];
  };
  narratives: {
    references: {
      kind: 'verified_fact' | 'known_narrative';
      id: string;
      titleVi: string;
      titleEn: string;
      flags: number;
      outlets: number;
      languages: string[];
      firstAppearance: string | null;
      newThisPeriod: boolean;
    }[];
    claims: { total: number; new: number; resurfacing: number };
    resurfacing: { flagId: string; claimText: string; lang: string | null; answeredBy: string[] }[];
  };
  team: {
    triaged: number;
    confirmed: number;
    dismissed: number;
    escalated: number;
    responses: { drafted: number; approved: number; published: number };
    timeToTriage: Timing;
    timeToResponse: Timing;
    breaches: { kind: 'triage' | 'triage_open' | 'response'; id: string; hours: number }[];
  };
  models: {
    modelId: string;
    revision: string;
    lang: string;
    confirmed: number;
    dismissed: number;
    escalated: number;
    precision: number | null;
    interval: { low: number; high: number } | null;
  }[];
  dismissReasons: { modelId: string; revision: string; reason: string; count: number }[];
  /** Shadow-mode comparison; absent when no shadow model scored a claim the week counts. */
  shadow?: ShadowComparison[];
  coverage: {
    sources: SourceCoverage[];
    silent: number;
    failing: number;
    robotsBlocks: number;
    politenessBlocks: number;
    extraction: { fetched: number; failed: number; rate: number | null };
  };
};

/**
 * One shadow model revision in one document language. The items are the flags decided in the period
 * whose claim the shadow scored (as the active precision counts flags); the shadow "would flag" an item
 * when its score reached the check-worthiness threshold in force for the language.
 */
export type ShadowComparison = {
  modelId: string;
  revision: string;
  lang: string;
  /** Decided items with a shadow score, by decision. */
  confirmed: number;
  dismissed: number;
  escalated: number;
  /** …of which the shadow would have flagged. */
  wouldFlagConfirmed: number;
  wouldFlagDismissed: number;
  /** The shadow's precision on the decided items: would-flag confirmed / would-flag (confirmed + dismissed). */
  precision: number | null;
  interval: { low: number; high: number } | null;
  /** The active model's precision on the same items: confirmed / (confirmed + dismissed). */
  activePrecision: number | null;
  activeInterval: { low: number; high: number } | null;
  /** Claims scored in the period that the shadow would flag and the active model never flagged. */
  wouldFlagUnflagged: number;
};

export type Timing = {
  count: number;
  p50Hours: number | null;
  p90Hours: number | null;
  slaHours: number;
  withinSla: number;
  /** Hours, bucketed for the distribution chart: [0,sla/4), [sla/4, sla/2), …, [2·sla, ∞). */
  histogram: { upToHours: number | null; count: number }[];
};

export type SourceCoverage = {
  sourceId: string;
  name: string;
  daily: { day: string; count: number; band: 'low' | 'high' | 'normal' }[];
  baseline: { mean: number; sd: number };
  silentDays: number;
  fetches: { total: number; ok: number; failed: number; politeness: number; robots: number };
  failing: boolean;
  failureReasons: { code: string; count: number }[];
};

export type StoredDigestView = {
  week: string;
  builtAt: string;
  deliveredAt: string | null;
  data: DigestData;
};
