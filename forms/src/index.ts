export * from './citizen';
export type * from './procedure-types';
