// Every list read by its headers, Annex A and housing, by its ID: what read-rows and date-columns look up.
import type { HousingList } from '../dataset/housing.ts';
import { housingCatalogue } from './housing/housing-lists.ts';
import { listCatalogue, type ListId, type TableSpec } from './list-catalogue.ts';

export type TableId = ListId | HousingList;

export function tableSpec(id: TableId): TableSpec<TableId> {
  return id in listCatalogue ? listCatalogue[id as ListId] : housingCatalogue[id as HousingList];
}
