/** Query keys. Everything read from the worker sits under 'dataset', invalidated when data changes. */
export const keys = {
  all: ['dataset'] as const,
  info: () => [...keys.all, 'info'] as const,
  rows: (order: string, page: number) => [...keys.all, 'rows', order, page] as const,
  detail: (row: number) => [...keys.all, 'detail', row] as const,
  files: () => [...keys.all, 'files'] as const,
  storage: () => [...keys.all, 'storage'] as const,
};
