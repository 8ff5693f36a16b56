import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * A person's roles as tags, with roles waiting for a second administrator marked pending (a different look and the
 * word "pending", so the difference does not rest on colour alone): the person does not hold those yet.
 */
@Component({
  selector: 'app-role-tags',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (r of roles(); track r) {
      <span class="tag" data-testid="role-tag" [attr.data-role]="r">{{ 'roles.' + r | translate }}</span>
    }
    @for (r of pending(); track r) {
      <span class="tag pending" data-testid="role-tag-pending" [attr.data-role]="r" [attr.title]="'roleGrants.pendingTitle' | translate">
        <mat-icon aria-hidden="true">hourglass_top</mat-icon>{{ 'roles.' + r | translate }} · {{ 'roleGrants.pendingMark' | translate }}
      </span>
    }
  `,
  styles: `
    :host { display: inline; }
    .pending {
      background: transparent; color: var(--mat-sys-tertiary); border: 1px dashed var(--mat-sys-tertiary);
      display: inline-flex; align-items: center; gap: 2px;
    }
    .pending mat-icon { font-size: 14px; width: 14px; height: 14px; }
  `,
})
export class RoleTags {
  readonly roles = input<readonly string[]>([]);
  /** Roles asked for that wait for a second administrator. */
  readonly pending = input<readonly string[]>([]);
}
