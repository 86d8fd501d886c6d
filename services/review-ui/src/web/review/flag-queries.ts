import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FlagDetail, FlagListQuery, FlagPage } from '../../review/flag.schemas.ts';
import { callApi } from '../api/api-client.ts';

export type { FlagDetail, FlagListItem, FlagPage } from '../../review/flag.schemas.ts';

export type FlagFilter = Partial<
  Pick<
    FlagListQuery,
    'status' | 'reason' | 'lang' | 'source' | 'from' | 'to' | 'on' | 'model' | 'shadow' | 'shadowFlag'
  >
> & {
  limit: number;
  offset: number;
};

function toSearch(filter: FlagFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

export function useFlagPage(filter: FlagFilter) {
  return useQuery({
    queryKey: ['flags', filter],
    queryFn: ({ signal }) => callApi<FlagPage>('GET', `/api/flags?${toSearch(filter)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFlag(id: string) {
  return useQuery({
    queryKey: ['flag', id],
    queryFn: ({ signal }) => callApi<FlagDetail>('GET', `/api/flags/${encodeURIComponent(id)}`, { signal }),
  });
}
