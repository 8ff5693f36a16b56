import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService } from '../core/i18n/language.service';

/** One button that toggles zh-CN ↔ en; its label names the language it switches to. */
@Component({
  selector: 'app-lang-switch',
  imports: [MatButtonModule, MatIconModule, MatTooltipModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-button
      type="button"
      data-testid="lang-switch"
      [attr.aria-label]="'language.switch' | translate"
      [matTooltip]="'language.switch' | translate"
      (click)="language.toggle()"
    >
      <mat-icon>translate</mat-icon>
      <span [attr.lang]="target() === 'zh-CN' ? 'zh-CN' : 'en'">{{ targetLabel() }}</span>
    </button>
  `,
})
export class LangSwitch {
  protected readonly language = inject(LanguageService);
  protected readonly target = computed(() => (this.language.language() === 'zh-CN' ? 'en' : 'zh-CN'));
  protected readonly targetLabel = computed(() => (this.target() === 'zh-CN' ? '中文' : 'English'));
}
