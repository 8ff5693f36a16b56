import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { AuthService } from '../../core/auth/auth.service';
import { LangSwitch } from '../../shared/lang-switch';
import { errorMessage } from '../../shared/notify.service';

/** Only same-site paths are followed after login, so a crafted link cannot send the user elsewhere. */
export function safeReturnUrl(url: string | null | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/login') ? url : '/';
}

@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatCardModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslatePipe, LangSwitch],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="login-wrap">
      <div class="login-lang"><app-lang-switch /></div>
      <mat-card class="login-card" appearance="outlined">
        <mat-card-header>
          <mat-card-title><h1>{{ 'auth.title' | translate }}</h1></mat-card-title>
          <mat-card-subtitle>{{ 'app.name' | translate }}</mat-card-subtitle>
        </mat-card-header>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" />
        }
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-card-content>
            @if (error(); as message) {
              <div class="form-error" role="alert" data-testid="login-error">{{ message }}</div>
            }
            <mat-form-field class="full">
              <mat-label>{{ 'auth.email' | translate }}</mat-label>
              <input matInput name="email" type="email" autocomplete="username" formControlName="email" required />
              @if (form.controls.email.hasError('required')) {
                <mat-error>{{ 'validation.required' | translate }}</mat-error>
              } @else if (form.controls.email.hasError('email')) {
                <mat-error>{{ 'validation.email' | translate }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field class="full">
              <mat-label>{{ 'auth.password' | translate }}</mat-label>
              <input matInput name="password" type="password" autocomplete="current-password" formControlName="password" required />
              @if (form.controls.password.hasError('required')) {
                <mat-error>{{ 'validation.required' | translate }}</mat-error>
              }
            </mat-form-field>
          </mat-card-content>
          <mat-card-actions align="end">
            <button mat-flat-button type="submit" [disabled]="busy()">{{ 'auth.login' | translate }}</button>
          </mat-card-actions>
        </form>
      </mat-card>
    </div>
  `,
  styles: `
    .login-wrap { min-height: 100vh; display: flex; align-items: center; justify-content: center; position: relative; }
    .login-lang { position: absolute; top: 16px; right: 16px; }
    .login-card { width: min(420px, 92vw); }
    h1 { margin: 0; font: var(--mat-sys-headline-small); }
  `,
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly translate = inject(TranslateService);

  /** Bound from the query string (?returnUrl=...). */
  readonly returnUrl = input<string | undefined>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.auth.login(this.form.getRawValue());
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (e) {
      this.error.set(errorMessage(e, this.translate.instant('errors.unknown')));
    } finally {
      this.busy.set(false);
    }
  }
}
