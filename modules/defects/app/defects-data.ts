import type { MapSpec } from '../../places/app/map-spec.ts';
import type { ReportStatus } from '../model/statuses.ts';

/** What the Mängelmelder loaders hand to their views (mapped on the server from the citizen REST API). */

export type CategoryOption = { code: string; name: string; description: string; group: string };

/** A public report in lists and on the map: no personal data ever. */
export type ReportCard = { id: number; title: string; categoryName: string; status: ReportStatus; lat: number; lng: number; address: string; requestedAt: string; photo: string | null };

export type StatusFilter = '' | 'open' | 'closed' | ReportStatus;

export type DefectsHomeData = {
  categories: CategoryOption[];
  reports: ReportCard[];
  total: number;
  filter: { status: StatusFilter; category: string };
  /** Tiles, centre and zoom of the tenant's map (its markers come from `reports`). */
  map: MapSpec;
};

export type ReportUpdate = { status: ReportStatus; comment: string; createdAt: string };

export type DefectDetailData = ReportCard & { description: string; categoryCode: string; photos: string[]; updates: ReportUpdate[]; updatedAt: string; map: MapSpec };

export type DefectWizardData = { categories: CategoryOption[]; map: MapSpec; push: boolean };
