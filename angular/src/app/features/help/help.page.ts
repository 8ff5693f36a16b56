import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { TranslatePipe } from '@ngx-translate/core';

/** The help cards in order; each has `help.<section>.title` and `.body` in both languages. */
export const HELP_SECTIONS: readonly string[] = ['signIn', 'sessions', 'language', 'profile', 'expensesNew', 'expensesTickets', 'expensesSubmit', 'expensesList', 'approvalsInbox', 'approvalsDecide', 'approvalsDelegation', 'approvalsSla', 'approvalsFlows', 'paymentsPayables', 'paymentsBatches', 'paymentsFiles', 'paymentsTemplates', 'paymentsStatements', 'paymentsReconciliation', 'paymentsAccounting', 'insightsDashboard', 'insightsDefinitions', 'insightsMinutes', 'insightsBreakpoints', 'insightsRoi', 'insightsBaselines', 'people', 'roleGrants', 'departments', 'legalEntities', 'gradesCostCentres', 'delegations', 'import', 'jobs'];

/** Describes what the portal does today; keep it to what is built. */
@Component({
  selector: 'app-help-page',
  imports: [MatCardModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'help.title' | translate }}</h1>
    <p>{{ 'help.intro' | translate }}</p>
    @for (s of sections; track s) {
      <mat-card appearance="outlined" class="help-card">
        <mat-card-header><mat-card-title><h2>{{ 'help.' + s + '.title' | translate }}</h2></mat-card-title></mat-card-header>
        <mat-card-content><p>{{ 'help.' + s + '.body' | translate }}</p></mat-card-content>
      </mat-card>
    }
    <h2>{{ 'help.csv.title' | translate }}</h2>
    <p>{{ 'help.csv.body' | translate }}</p>
    <pre class="csv-sample">{{ csvHeader }}</pre>
    <p class="muted">{{ 'help.notYet' | translate }}</p>
  `,
  styles: `
    .help-card { margin-bottom: 12px; }
    h2 { font: var(--mat-sys-title-medium); margin: 0; }
    .csv-sample { padding: 12px; background: var(--mat-sys-surface-container); overflow-x: auto; }
  `,
})
export class HelpPage {
  protected readonly sections = HELP_SECTIONS;
  protected readonly csvHeader =
    'employeeNo,displayName,email,phone,departmentCode,gradeCode,managerEmployeeNo,costCentreCode,roles,bankName,bankAccountNumber,bankAccountName,cnapsCode\n' +
    'E0042,张伟,zhang.wei@example.com,13800000000,FIN,G3,E0001,CC-100,Employee;Approver,中国工商银行,6222020200001234567,张伟,102100099996';
}
