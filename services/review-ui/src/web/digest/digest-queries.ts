import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DigestData, StoredDigestView } from '../../digest/digest.types.ts';
import type { SourceHealth } from '../../digest/source-health.ts';
import { callApi } from '../api/api-client.ts';
import { csrfTokenOf } from '../auth/session.ts';

export type { DigestData, StoredDigestView } from '../../digest/digest.types.ts';
export type { SourceHealth } from '../../digest/source-health.ts';

type DigestList = {
  lastCompleteWeek: string;
  items: { week: string; builtAt: string; deliveredAt: string | null }[];
};

export function useDigestList() {
  return useQuery({
    queryKey: ['digests'],
    queryFn: ({ signal }) => callApi<DigestList>('GET', '/api/digests', { signal }),
  });
}

export function useDigest(week: string | undefined) {
  return useQuery({
    queryKey: ['digest', week],
    enabled: week !== undefined,
    retry: false,
    queryFn: ({ signal }) =>
      callApi<StoredDigestView>('GET', `/api/digests/${encodeURIComponent(week!)}`, { signal }),
  });
}

export function useBuildDigest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (week: string) =>
      callApi<StoredDigestView>('POST', `/api/digests/${encodeURIComponent(week)}/build`, {
        csrfToken: csrfTokenOf(queryClient),
      }),
    onSuccess: (digest) => {
      queryClient.setQueryData(['digest', digest.week], digest);
      void queryClient.invalidateQueries({ queryKey: ['digests'] });
    },
  });
}

export function useLiveOverview(range: 'today' | 'week') {
  return useQuery({
    queryKey: ['digest-live', range],
    queryFn: ({ signal }) => callApi<DigestData>('GET', `/api/digest/live?range=${range}`, { signal }),
    refetchInterval: 60_000,
  });
}

export function useSourceHealth() {
  return useQuery({
    queryKey: ['source-health'],
    queryFn: ({ signal }) => callApi<{ items: SourceHealth[] }>('GET', '/api/digest/sources', { signal }),
    refetchInterval: 60_000,
  });
}
