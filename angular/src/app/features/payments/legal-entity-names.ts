import { Signal, inject, signal } from '@angular/core';
import { LegalEntitiesApi } from '../organization/data/legal-entities.api';
import { LegalEntity } from '../organization/data/organization.models';

/**
 * The legal entities a payments page names its payables and batches by, loaded once. Until they arrive (or if the
 * list fails) a name is blank: the page still works, it only cannot say whose account pays. Call in a field initialiser.
 */
export function legalEntityNames(): { list: Signal<LegalEntity[]>; name: (id: string) => string } {
  const list = signal<LegalEntity[]>([]);
  inject(LegalEntitiesApi).list().subscribe({ next: (l) => list.set(l), error: () => undefined });
  return { list: list.asReadonly(), name: (id) => list().find((l) => l.id === id)?.name ?? '' };
}
