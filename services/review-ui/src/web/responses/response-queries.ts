import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CitationCheck,
  CreateResponseBody,
  FactPage,
  ResponseDetail,
  ResponsePage,
  ResponseVersion,
  UpdateResponseBody,
} from '../../responses/response.schemas.ts';
import { callApi } from '../api/api-client.ts';
import { csrfTokenOf } from '../auth/session.ts';

export type {
  CitationCheck,
  FactListItem,
  ResponseDetail,
  ResponseListItem,
  ResponseVersion,
} from '../../responses/response.schemas.ts';

export function useResponsePage(status: string | undefined) {
  return useQuery({
    queryKey: ['responses', status ?? ''],
    queryFn: ({ signal }) =>
      callApi<ResponsePage>('GET', `/api/responses?limit=100${status ? `&status=${status}` : ''}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useResponse(id: string) {
  return useQuery({
    queryKey: ['response', id],
    queryFn: ({ signal }) =>
      callApi<ResponseDetail>('GET', `/api/responses/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useResponseVersions(id: string) {
  return useQuery({
    queryKey: ['response', id, 'versions'],
    queryFn: ({ signal }) =>
      callApi<{ items: ResponseVersion[] }>('GET', `/api/responses/${encodeURIComponent(id)}/versions`, {
        signal,
      }),
  });
}

/**
 * The citation check of one saved version: keyed by the version, so after a save the problems of the
 * previous order are never shown against the new one.
 */
export function useCitationCheck(id: string, version: number) {
  return useQuery({
    queryKey: ['response', id, 'citation-check', version],
    queryFn: ({ signal }) =>
      callApi<CitationCheck>('GET', `/api/responses/${encodeURIComponent(id)}/citation-check`, { signal }),
  });
}

/** Active verified facts matching every word of `q` (the citation picker). */
export function useFactSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['facts', q],
    queryFn: ({ signal }) =>
      callApi<FactPage>('GET', `/api/facts?limit=20&q=${encodeURIComponent(q)}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCreateResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateResponseBody) =>
      callApi<ResponseDetail>('POST', '/api/responses', { body, csrfToken: csrfTokenOf(queryClient) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['responses'] }),
  });
}

/** Save, submit, approve, publish: each answers the updated response, which replaces the cached one. */
export function useResponseAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      action: { kind: 'save'; body: UpdateResponseBody } | { kind: 'submit' | 'approve' | 'publish' },
    ) =>
      action.kind === 'save'
        ? callApi<ResponseDetail>('PUT', `/api/responses/${id}`, {
            body: action.body,
            csrfToken: csrfTokenOf(queryClient),
          })
        : callApi<ResponseDetail>('POST', `/api/responses/${id}/${action.kind}`, {
            csrfToken: csrfTokenOf(queryClient),
          }),
    onSuccess: (detail) => {
      queryClient.setQueryData(['response', id], detail);
      void queryClient.invalidateQueries({ queryKey: ['response', id, 'versions'] });
      void queryClient.invalidateQueries({ queryKey: ['response', id, 'citation-check'] });
      void queryClient.invalidateQueries({ queryKey: ['responses'] });
    },
  });
}
