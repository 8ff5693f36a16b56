import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { TranslatePipe } from '@ngx-translate/core';
import { map } from 'rxjs';
import { LangSwitch } from '../../shared/lang-switch';
import { AuthService } from '../auth/auth.service';
import { NAV_ITEMS, NAV_SECTIONS, NavItem, visibleNavItems } from '../nav/nav-items';

/** The signed-in frame: toolbar, navigation filtered by the user's permissions, and the page. */
@Component({
  selector: 'app-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatButtonModule, MatIconModule, MatListModule, MatMenuModule, MatSidenavModule, MatToolbarModule, TranslatePipe, LangSwitch],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly user = this.auth.currentUser;
  /** On narrow screens the navigation slides over the page and closes after a choice. */
  protected readonly narrow = toSignal(
    inject(BreakpointObserver).observe('(max-width: 959px)').pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  protected readonly sections = computed(() => {
    const visible = visibleNavItems(NAV_ITEMS, { permissions: this.auth.permissions(), personId: this.user()?.personId });
    return NAV_SECTIONS.map((id) => ({ id, items: visible.filter((i) => i.section === id) })).filter(
      (s) => s.items.length > 0,
    );
  });

  protected trackItem(item: NavItem): string {
    return item.id;
  }

  protected async logout(): Promise<void> {
    try {
      await this.auth.logout();
    } finally {
      await this.router.navigate(['/login']);
    }
  }
}
