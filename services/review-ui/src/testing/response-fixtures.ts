import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { type Db, replaceFlagReferences, saveSnapshot, saveVerifiedFact } from '@claimwatch/shared/db';
import type { FlagReason } from '@claimwatch/shared/domain';
import { buildClaim, buildDocument, buildFlag, buildPage } from '@claimwatch/shared/testing';

/** Fixtures for responses: a flagged claim matched to a verified fact whose source page is archived. */

export const SOURCE_PASSAGE = 'Việt Nam và Nhật Bản thiết lập quan hệ ngoại giao ngày 21 tháng 9 năm 1973.';

let counter = 0;

export async function archivePage(
  db: Db,
  url: string,
  html: string,
  fetchedAt = new Date('2026-11-01T00:00:00Z'),
) {
  const page = await buildPage(db, { url });
  const body = Buffer.from(html, 'utf8');
  return saveSnapshot(db, {
    pageId: page.id,
    sha256: createHash('sha256').update(body).digest('hex'),
    bodyGzip: gzipSync(body),
    contentType: 'text/html; charset=utf-8',
    headers: {},
    fetchedAt,
  });
}

export async function seedFlaggedClaim(
  db: Db,
  options: { archived?: boolean; reason?: FlagReason; claim?: string } = {},
) {
  counter += 1;
  const n = `${Date.now().toString(36)}-${counter}`;
  const factId = `vn-jp-relations-${n}`;
  const sourceUrl = `https://mofa-${n}.example/vn-jp.html`;
  await saveVerifiedFact(
    db,
    {
      id: factId,
      kind: 'diplomatic_relations',
      structured: {
        parties: ['VN', 'JP'],
        relation: 'diplomatic_relations',
        level: null,
        organisation: null,
        date: '1973-09-21',
        quantity: null,
        validFrom: null,
        validTo: null,
      },
      text: {
        vi: 'Việt Nam và Nhật Bản thiết lập quan hệ ngoại giao ngày 21/9/1973.',
        en: 'Vietnam and Japan established diplomatic relations on 21 September 1973.',
      },
      sources: [{ url: sourceUrl, title: 'Bộ Ngoại giao: Quan hệ Việt Nam – Nhật Bản' }],
      tags: [],
      status: 'active',
    },
    { provenance: 'test' },
  );
  if (options.archived !== false)
    await archivePage(
      db,
      sourceUrl,
      `<html><head><title>VN–JP</title><script>var x = "không phải văn bản";</script></head>
       <body><article><h1>Quan hệ Việt Nam – Nhật Bản</h1>
       <p>Việt Nam và   Nhật Bản thiết lập <b>quan hệ ngoại giao</b>
       ngày 21 tháng 9 năm 1973.</p><p>Hai nước là Đối tác Chiến lược Toàn diện.</p></article></body></html>`,
    );
  const claimText = options.claim ?? 'Japan and Vietnam only established diplomatic relations in 1995.';
  const document = await buildDocument(db, {
    title: `Claims about Japan ${n}`,
    text: `Some outlet wrote: ${claimText} Nothing else.`,
  });
  const claim = await buildClaim(db, document.id, { text: claimText, start: 19, end: 19 + claimText.length });
  const flag = await buildFlag(db, {
    documentId: document.id,
    claimId: claim.id,
    reason: options.reason ?? 'contradicts_verified_fact',
    priority: 0.9,
    score: 0.9,
  });
  await replaceFlagReferences(db, flag.id, [{ kind: 'verified_fact', id: factId, version: 1, score: 0.93 }]);
  return { flag, factId, sourceUrl, claimText, document };
}
