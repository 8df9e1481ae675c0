import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dropFolder, expectClean, openApp, openHeaderAction, waitForIdle } from './helpers/app';
import { AWSLOGS, fixtureRecords } from './helpers/fixtureFacts';

// The oracle: the account most of the fixture's events were delivered to, read with node:zlib.
// (The fixture's folder is named 218007301253, but its events' recipientAccountId differ.)
const records = [...fixtureRecords().values()];
const perAccount = new Map<string, number>();
for (const r of records) {
  const id = String(r['recipientAccountId']);
  perAccount.set(id, (perAccount.get(id) ?? 0) + 1);
}
const [account = '', accountEvents = 0] = [...perAccount].sort((a, b) => b[1] - a[1])[0] ?? [];
const other = [...perAccount.keys()].find((id) => id !== account) ?? '';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** `aws organizations list-accounts` output, with one 11-digit ID that must be refused. */
const listAccounts = JSON.stringify(
  {
    Accounts: [
      {
        Id: account,
        Arn: `arn:aws:organizations::${account}:account/o-1234abcde/${account}`,
        Email: 'lab@example.com',
        Name: 'Incident Lab',
        Status: 'ACTIVE',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: '2023-07-01T10:00:00.000000+00:00',
      },
      { Id: other, Name: HOSTILE, Status: 'ACTIVE' },
      { Id: '21800730125', Name: 'Typo', Status: 'ACTIVE' },
    ],
  },
  null,
  2,
);

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Account names' });
/** The header's menu button that holds Accounts: the focus returns to it when the dialog closes. */
const moreButton = (page: Page) => page.getByRole('button', { name: 'More actions' });
const named = `${account} (Incident Lab)`;

/** Opens the dialog, pastes the list-accounts output and adds it. The dialog stays open. */
async function addNames(page: Page): Promise<void> {
  await openHeaderAction(page, 'Accounts');
  await expect(dialog(page)).toBeVisible();
  await dialog(page).getByRole('textbox', { name: 'Account names to add' }).fill(listAccounts);
  await dialog(page).getByRole('button', { name: 'Add names' }).click();
  await expect(dialog(page).getByRole('status')).toHaveText('Added 2 names.');
}

test('pasted list-accounts names show in the facets and the event details, after a reload', async ({
  page,
}) => {
  expect(account).toMatch(/^\d{12}$/);
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, records.length);

  await addNames(page);
  await expect(dialog(page).getByRole('list', { name: 'Entries not read' })).toContainText(
    '"21800730125" is not a 12-digit account ID (it has 11 digits)',
  );
  const rows = dialog(page).getByTestId('account-name-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: account })).toContainText('Incident Lab');
  // A hostile name is text: it never becomes an element.
  await expect(rows.filter({ hasText: other })).toContainText(HOSTILE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/accounts-1280x800.png' });

  // Escape closes the dialog and gives the focus back to the menu button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(moreButton(page)).toBeFocused();

  // The facet lists the account with its name; picking it leaves only that account's events.
  const facet = page.locator('.facet-value[data-field="recipientAccountId"]', {
    hasText: account,
  });
  await expect(facet.locator('.facet-label')).toHaveText(named);
  await facet.click();
  const matches = page.getByTestId('match-count');
  await expect(matches).toHaveAttribute('data-complete', 'true');
  await expect(matches).toHaveAttribute('data-count', String(accountEvents));

  await page.locator('.event-table-tr[data-position="0"]').click();
  const summary = page.getByTestId('summary-account-id').locator('.summary-value');
  await expect(summary).toHaveText(named);

  // The selected event is in the URL: after a reload it is shown again, with the stored name.
  await page.reload();
  await waitForIdle(page);
  await expect(summary).toHaveText(named);
  await expect(facet.locator('.facet-label')).toHaveText(named);
  expectClean(watch);
});

test('the Account ID column shows the name after the ID, and forgets it when removed', async ({
  page,
}) => {
  const watch = await openApp(page);
  await dropFolder(page, AWSLOGS, records.length);
  await addNames(page);
  await page.keyboard.press('Escape');
  await openHeaderAction(page, 'Columns');
  await page.getByRole('checkbox', { name: 'Account ID' }).check();
  await page.keyboard.press('Escape');
  await page.locator('.facet-value[data-field="recipientAccountId"]', { hasText: account }).click();
  await expect(page.getByTestId('match-count')).toHaveAttribute(
    'data-count',
    String(accountEvents),
  );

  const cell = page.locator('.event-table-tr[data-position="0"] .col-recipientAccountId');
  await expect(cell).toHaveText(named);
  await page.reload();
  await waitForIdle(page);
  await expect(cell).toHaveText(named);

  await openHeaderAction(page, 'Accounts');
  await dialog(page)
    .getByRole('button', { name: `Remove the name of ${account}` })
    .click();
  await expect(dialog(page).getByTestId('account-name-row')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(cell).toHaveText(account);
  expectClean(watch);
});

test('a names file opened from the dialog is read with the same parser', async ({ page }) => {
  const watch = await openApp(page);
  await openHeaderAction(page, 'Accounts');
  await dialog(page)
    .getByTestId('account-names-file')
    .setInputFiles({
      name: 'accounts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Id,Name\n111122223333,prod\n444455556666 = staging\n'),
    });
  await expect(dialog(page).getByRole('status')).toHaveText('Added 2 names from accounts.csv.');
  await expect(dialog(page).getByTestId('account-name-row')).toHaveCount(2);

  await dialog(page).getByRole('button', { name: 'Remove all' }).click();
  await dialog(page)
    .getByRole('group', { name: 'Confirm removing all names' })
    .getByRole('button', { name: 'Remove all' })
    .click();
  await expect(dialog(page).getByTestId('account-name-row')).toHaveCount(0);
  await dialog(page).getByRole('button', { name: 'Close account names' }).click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(moreButton(page)).toBeFocused();
  expectClean(watch);
});
