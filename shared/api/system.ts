import { query } from './define';
import { empty } from '../schemas/common';
import type { SystemInfo } from '../types';

export const systemOps = {
  'system.info': query<SystemInfo>()(empty),
};
