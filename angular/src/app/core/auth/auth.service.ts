import { Injectable, computed, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AccountApi } from '../api/account.api';
import { CurrentUser, LoginRequest } from '../api/models';

/** Who is signed in. The session itself is an HttpOnly cookie set by the host; this only mirrors /me. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(AccountApi);
  private readonly user = signal<CurrentUser | null>(null);
  private loaded: Promise<CurrentUser | null> | null = null;

  readonly currentUser = this.user.asReadonly();
  readonly isAuthenticated = computed(() => this.user() !== null);
  readonly permissions = computed(() => this.user()?.permissions ?? []);

  hasPermission(permission: string): boolean {
    return this.permissions().includes(permission);
  }

  /** Asks /me once per page load (or after a logout); a 401 means nobody is signed in. */
  ensureLoaded(): Promise<CurrentUser | null> {
    this.loaded ??= firstValueFrom(this.api.me()).then(
      (user) => {
        this.user.set(user);
        return user;
      },
      () => {
        this.user.set(null);
        return null;
      },
    );
    return this.loaded;
  }

  async login(request: LoginRequest): Promise<CurrentUser> {
    const user = await firstValueFrom(this.api.login(request));
    this.user.set(user);
    this.loaded = Promise.resolve(user);
    return user;
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout());
    } finally {
      this.clear();
    }
  }

  /** Forgets the user, e.g. after the API answered 401. */
  clear(): void {
    this.user.set(null);
    this.loaded = Promise.resolve(null);
  }
}
