import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BulkDecision,
  Decision,
  DecisionResult,
  Facets,
  LockInfo,
  NewSavedFilter,
  Note,
  SavedFilter,
  TriageFilter,
  TriageItem,
  TriagePage,
} from '../../triage/triage.schemas.ts';
import { callApi } from '../api/api-client.ts';
import { csrfTokenOf } from '../auth/session.ts';

export type {
  DecisionResult,
  LockInfo,
  SavedFilter,
  TriageFilter,
  TriageItem,
  TriageListItem,
  TriagePage,
} from '../../triage/triage.schemas.ts';

const PAGE_SIZE = 50;

export function filterToSearch(filter: TriageFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return params;
}

export function useTriagePages(filter: TriageFilter) {
  return useInfiniteQuery({
    queryKey: ['triage', 'list', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = filterToSearch(filter);
      params.set('limit', String(PAGE_SIZE));
      if (pageParam) params.set('cursor', pageParam);
      return callApi<TriagePage>('GET', `/api/triage/flags?${params}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
    // Locks of others change under us: refresh the visible rows now and then.
    refetchInterval: 30_000,
  });
}

export function useFacets() {
  return useQuery({
    queryKey: ['triage', 'facets'],
    queryFn: ({ signal }) => callApi<Facets>('GET', '/api/triage/facets', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useTriageItem(id: string) {
  return useQuery({
    queryKey: ['triage', 'item', id],
    queryFn: ({ signal }) =>
      callApi<TriageItem>('GET', `/api/triage/flags/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Every triage mutation: sends the CSRF token, then refreshes the queue and items. */
function useTriageMutation<In, Out>(request: (input: In, csrfToken: string | undefined) => Promise<Out>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: In) => request(input, csrfTokenOf(queryClient)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['triage'] }),
  });
}

export const useDecide = () =>
  useTriageMutation((input: { id: string; decision: Decision }, csrfToken) =>
    callApi<DecisionResult>('POST', `/api/triage/flags/${input.id}/decision`, {
      body: input.decision,
      csrfToken,
    }),
  );

export const useBulk = () =>
  useTriageMutation((body: BulkDecision, csrfToken) =>
    callApi<DecisionResult>('POST', '/api/triage/bulk', { body, csrfToken }),
  );

export const useUndo = () =>
  useTriageMutation((_: undefined, csrfToken) =>
    callApi<DecisionResult>('POST', '/api/triage/undo', { csrfToken }),
  );

export const useAddNote = (flagId: string) =>
  useTriageMutation((body: string, csrfToken) =>
    callApi<Note>('POST', `/api/triage/flags/${flagId}/notes`, { body: { body }, csrfToken }),
  );

export function useSavedFilters() {
  return useQuery({
    queryKey: ['triage', 'saved-filters'],
    queryFn: ({ signal }) => callApi<SavedFilter[]>('GET', '/api/triage/saved-filters', { signal }),
  });
}

export const useSaveFilter = () =>
  useTriageMutation((body: NewSavedFilter, csrfToken) =>
    callApi<SavedFilter>('POST', '/api/triage/saved-filters', { body, csrfToken }),
  );

export const useDeleteFilter = () =>
  useTriageMutation((id: string, csrfToken) =>
    callApi<void>('DELETE', `/api/triage/saved-filters/${id}`, { csrfToken }),
  );

export function lockItem(id: string, csrfToken: string | undefined) {
  return callApi<{ lock: LockInfo }>('POST', `/api/triage/flags/${id}/lock`, { csrfToken });
}

export function unlockItem(id: string, csrfToken: string | undefined) {
  // keepalive: the request survives the page being closed.
  return fetch(`/api/triage/flags/${id}/lock`, {
    method: 'DELETE',
    credentials: 'same-origin',
    keepalive: true,
    headers: csrfToken ? { 'x-csrf-token': csrfToken } : {},
  });
}
