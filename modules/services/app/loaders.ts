import type { Loader } from '../../web-app/server/loader.ts';
import { servicesHomeLoader } from './services-home.load.ts';
import { servicesSearchLoader } from './services-search.load.ts';
import { lifeSituationLoader } from './life-situation.load.ts';
import { serviceDetailLoader } from './service-detail.load.ts';
import { authorityLoader } from './authority.load.ts';

export const servicesLoaders: Record<string, Loader> = {
  'services-home': servicesHomeLoader,
  'services-search': servicesSearchLoader,
  'services-life-situation': lifeSituationLoader,
  'services-detail': serviceDetailLoader,
  'services-authority': authorityLoader,
};
