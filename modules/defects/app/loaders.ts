import type { Loader } from '../../web-app/server/loader.ts';
import { defectsHomeLoader } from './defects-home.load.ts';
import { defectDetailLoader } from './defects-detail.load.ts';
import { defectWizardLoader, defectsMineLoader } from './defects-wizard.load.ts';

export const defectsLoaders: Record<string, Loader> = {
  'defects-home': defectsHomeLoader,
  'defects-wizard': defectWizardLoader,
  'defects-mine': defectsMineLoader,
  'defects-detail': defectDetailLoader,
};
