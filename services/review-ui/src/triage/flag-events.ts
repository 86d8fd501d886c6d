import type { Db } from '@claimwatch/shared/db';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The live counter: a server-sent-events stream telling the UI how many suggested flags arrived since
 * its list was loaded. The stream polls the database (one cheap indexed count per client per interval)
 * rather than relying on every writer to publish: flags come from workers in other processes, and a
 * poll cannot miss one.
 */

export type FlagEventStreams = {
  open(request: FastifyRequest, reply: FastifyReply, since: Date): void;
  /** Ends every open stream (server shutdown). */
  closeAll(): void;
};

export function createFlagEventStreams(db: Db, pollMs: number): FlagEventStreams {
  const open = new Set<() => void>();

  return {
    open(request, reply, since) {
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write(`retry: ${Math.max(1000, pollMs)}\n\n`);

      let last = -1;
      let busy = false;
      let stopped = false;
      const poll = async () => {
        if (busy || stopped) return;
        busy = true;
        try {
          const row = await db
            .selectFrom('flags')
            .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('created_at').as('latest')])
            .where('status', '=', 'suggested')
            .where('created_at', '>', since)
            .executeTakeFirstOrThrow();
          const count = Number(row.n);
          if (count !== last && !stopped) {
            last = count;
            const latest = row.latest ? new Date(row.latest as Date).toISOString() : null;
            raw.write(`event: flags\ndata: ${JSON.stringify({ newSuggested: count, latest })}\n\n`);
          } else if (!stopped) raw.write(': keep-alive\n\n');
        } catch (error) {
          request.log.warn({ err: String(error) }, 'flag event poll failed');
        } finally {
          busy = false;
        }
      };
      const timer = setInterval(() => void poll(), pollMs);
      const stop = () => {
        if (stopped) return;
        stopped = true;
        clearInterval(timer);
        open.delete(stop);
        raw.end();
      };
      open.add(stop);
      request.raw.on('close', stop);
      void poll();
    },
    closeAll() {
      for (const stop of [...open]) stop();
    },
  };
}
