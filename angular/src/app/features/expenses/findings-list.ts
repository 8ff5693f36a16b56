import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { Justification, PolicyFinding } from './data/expenses.models';

export const justificationKey = (f: Pick<PolicyFinding, 'rule' | 'line'>) => `${f.rule}:${f.line ?? ''}`;

/** What submit sends: one justification per warning, from the texts typed next to them. */
export function justificationsFor(findings: readonly PolicyFinding[], texts: Record<string, string>): Justification[] {
  return findings
    .filter((f) => f.severity === 'Warn')
    .map((f) => ({ rule: f.rule, line: f.line, text: (texts[justificationKey(f)] ?? '').trim() }));
}

/** Warnings still lacking a justification (the server refuses the submit while any is left). */
export function missingJustifications(findings: readonly PolicyFinding[], texts: Record<string, string>): PolicyFinding[] {
  return findings.filter((f) => f.severity === 'Warn' && !(texts[justificationKey(f)] ?? '').trim());
}

/** Policy findings of a claim or of one line: blocking ones explain, warnings ask for a justification. */
@Component({
  selector: 'app-findings-list',
  imports: [MatIconModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (f of findings(); track $index) {
      <div class="finding" [class.block]="f.severity === 'Block'" data-testid="finding" [attr.data-rule]="f.rule" [attr.data-severity]="f.severity">
        <div class="msg">
          <mat-icon inline>{{ f.severity === 'Block' ? 'block' : 'warning' }}</mat-icon>
          <strong>{{ 'expenses.severity.' + f.severity | translate }}</strong> {{ f.message }}
        </div>
        @if (f.severity === 'Warn') {
          @if (readonly()) {
            <p class="justification" data-testid="justification-text">{{ f.justification || '—' }}</p>
          } @else {
            <label class="just">
              <span>{{ 'expenses.findings.justification' | translate }}</span>
              <textarea
                rows="2"
                name="justification"
                data-testid="justification"
                required
                [attr.aria-invalid]="(showMissing() && !text(f).trim()) || null"
                [value]="text(f)"
                (input)="setText(f, $any($event.target).value)"
              ></textarea>
            </label>
            @if (showMissing() && !text(f).trim()) {
              <p class="error" data-testid="justification-missing">{{ 'expenses.findings.justificationRequired' | translate }}</p>
            }
          }
        }
      </div>
    }
  `,
  styles: `
    .finding { border-left: 4px solid #f9a825; background: #fff8e1; padding: 6px 10px; margin: 6px 0; border-radius: 4px; }
    .finding.block { border-left-color: #c62828; background: #ffebee; }
    .just { display: flex; flex-direction: column; gap: 4px; margin-top: 6px; }
    textarea { font: inherit; padding: 6px; resize: vertical; }
    textarea[aria-invalid] { outline: 2px solid var(--mat-sys-error); }
    .error { color: var(--mat-sys-error); margin: 2px 0; font: var(--mat-sys-body-small); }
    .justification { margin: 4px 0 0 24px; font-style: italic; }
  `,
})
export class FindingsList {
  readonly findings = input<readonly PolicyFinding[]>([]);
  readonly justifications = model<Record<string, string>>({});
  readonly showMissing = input(false);
  readonly readonly = input(false);

  protected text(f: PolicyFinding): string {
    return this.justifications()[justificationKey(f)] ?? '';
  }

  protected setText(f: PolicyFinding, value: string): void {
    this.justifications.update((all) => ({ ...all, [justificationKey(f)]: value }));
  }
}
