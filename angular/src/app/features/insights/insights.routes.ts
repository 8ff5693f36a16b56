import { Routes } from '@angular/router';
import { provideInsightsCharts } from './chart';

export const INSIGHTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideInsightsCharts()],
    children: [
      { path: '', pathMatch: 'full', title: 'nav.insightsDashboard', loadComponent: () => import('./dashboard.page').then((m) => m.DashboardPage) },
      { path: 'breakpoints', title: 'nav.insightsBreakpoints', loadComponent: () => import('./breakpoints.page').then((m) => m.BreakpointsPage) },
      { path: 'roi', title: 'nav.insightsRoi', loadComponent: () => import('./roi.page').then((m) => m.RoiPage) },
      { path: 'baselines', title: 'nav.insightsBaselines', loadComponent: () => import('./baselines.page').then((m) => m.BaselinesPage) },
    ],
  },
];
