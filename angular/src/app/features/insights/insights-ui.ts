import { ChangeDetectionStrategy, Component, Pipe, PipeTransform, inject, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Period, localized, warningKey } from './insights-logic';

/**
 * The translation of `<prefix>.<key>` when there is one, else the key itself: figure keys, roles and units the server may
 * add later still show up, just untranslated. Impure like the translate pipe, so it follows a language switch.
 */
@Pipe({ name: 'keyLabel', pure: false })
export class KeyLabelPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(key: string | null | undefined, prefix: string): string {
    if (!key) return '';
    const id = `${prefix}.${key}`;
    const text = this.translate.instant(id);
    return typeof text === 'string' && text !== id ? text : key;
  }
}

/**
 * A unit as people read it: `ratio` → "%", `currency/h` → "CNY/小时" with the report's currency, `min/claim` → "分钟/单";
 * a unit without a translation shows as sent.
 */
@Pipe({ name: 'unit', pure: false })
export class UnitPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(unit: string | null | undefined, currency = ''): string {
    if (!unit) return '';
    const id = `insights.unit.${unit}`;
    const text = this.translate.instant(id, { currency });
    return typeof text === 'string' && text !== id ? text : unit;
  }
}

/** A warning code of the ROI report in words; text the server already wrote (history warnings) shows as is. */
@Pipe({ name: 'warning', pure: false })
export class WarningPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(code: string): string {
    const { key, params } = warningKey(code);
    const text = this.translate.instant(key, params);
    return typeof text === 'string' && text !== key ? text : code;
  }
}

/** The Chinese or the English of a pair the server sends (NameZh/NameEn, ReasonZh/ReasonEn, …), by the UI language. */
@Pipe({ name: 'loc', pure: false })
export class LocalizedPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  transform(zh: string | null | undefined, en: string | null | undefined): string {
    return localized(this.translate.currentLang() ?? 'en', zh, en);
  }
}

/** From and to month (yyyy-MM); emits the new period when either changes to a valid month. */
@Component({
  selector: 'app-period-picker',
  imports: [MatFormFieldModule, MatInputModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'insights.period.from' | translate }}</mat-label>
      <input matInput type="month" name="from" [value]="period().from" [max]="period().to" (change)="set('from', $any($event.target).value)" />
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ 'insights.period.to' | translate }}</mat-label>
      <input matInput type="month" name="to" [value]="period().to" [min]="period().from" (change)="set('to', $any($event.target).value)" />
    </mat-form-field>
  `,
  styles: `:host { display: contents; }`,
})
export class PeriodPicker {
  readonly period = input.required<Period>();
  readonly periodChange = output<Period>();

  protected set(which: keyof Period, value: string): void {
    if (!/^\d{4}-\d{2}$/.test(value)) return;
    this.periodChange.emit({ ...this.period(), [which]: value });
  }
}
