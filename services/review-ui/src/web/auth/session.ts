import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionState } from '../../auth/session.schemas.ts';
import { callApi } from '../api/api-client.ts';

export type { Me, SessionState } from '../../auth/session.schemas.ts';

export const sessionKey = ['session'] as const;

/** Who is signed in, and the CSRF token every mutation sends. */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: ({ signal }) => callApi<SessionState>('GET', '/api/session', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function csrfTokenOf(queryClient: QueryClient): string | undefined {
  return queryClient.getQueryData<SessionState>(sessionKey)?.csrfToken;
}

/**
 * Forgets everything cached for the previous user; only the session state survives. Called where no
 * screen that reads those queries is mounted (the login screen), or they would refetch at once.
 */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
}

export function useLogIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { email: string; password: string; totpCode?: string }) => {
      // A first visit may not have fetched a token yet.
      const token =
        csrfTokenOf(queryClient) ??
        (
          await queryClient.fetchQuery({
            queryKey: sessionKey,
            queryFn: () => callApi<SessionState>('GET', '/api/session'),
          })
        ).csrfToken;
      return callApi<SessionState>('POST', '/api/session', { body: credentials, csrfToken: token });
    },
    onSuccess: (session) => {
      forgetUserData(queryClient);
      queryClient.setQueryData(sessionKey, session);
    },
  });
}

export function useLogOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi<void>('DELETE', '/api/session', { csrfToken: csrfTokenOf(queryClient) }),
    onSettled: () => {
      // Signed out at once (protected screens unmount); the refetch brings a CSRF token for the next login.
      queryClient.setQueryData<SessionState>(sessionKey, (old) => old && { ...old, user: null });
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
