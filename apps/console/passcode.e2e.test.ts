import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, createRoom, useBrowserSession } from '@plenum/testing';

/**
 * A passcoded room end to end, in Chromium against the real server: the host sets the code in
 * the console, whose participant link and present link carry it; a participant opening the
 * link joins without typing (and keeps it over a reload, while the address bar loses it);
 * one without it gets the prompt, is told a wrong code, and joins with the right one; the big
 * screen shows the room.
 */

const session = useBrowserSession();
const { newPage } = session;

/** The three widgets have opened: their own controls, no prompt. */
async function joined(page: Page): Promise<void> {
  await page.locator('plenum-questions textarea').waitFor();
  await page.locator('plenum-reactions [role="toolbar"]').waitFor();
  expect(await page.locator('#passcode').count()).toBe(0);
}

describe('a passcoded room', () => {
  it('is set in the console, and its link lets the audience and the big screen in', async () => {
    const host = await newPage();
    await host.goto(`${session.cli.url}/console`);
    await host.getByLabel('Event title').fill('Closed session');
    await host.getByLabel('Passcode (optional)').fill('Rathaus 2026');
    await host.getByRole('button', { name: 'Create room' }).click();
    await host.getByRole('heading', { name: 'Closed session' }).waitFor();

    const link = await host.getByLabel('Participant link').inputValue();
    const room = new URLSearchParams(new URL(link).hash.slice(1)).get('join')!;
    expect(link).toBe(`${session.cli.url}/console#join=${room}&passcode=Rathaus+2026`);
    await host.getByText('This link, its QR code and the present view link contain the passcode').waitFor();
    const present = await host.getByLabel(/^Present view link/).inputValue();
    expect(present).toContain('passcode=Rathaus+2026');
    expect(await axeViolations(host)).toEqual([]);

    // The audience opens the link: in without typing, and the code leaves the address bar.
    const guest = await newPage();
    await guest.goto(link);
    await joined(guest);
    expect(guest.url()).toBe(`${session.cli.url}/console#join=${room}`);
    await guest.getByRole('heading', { name: 'Closed session' }).waitFor();
    await guest.reload();
    await joined(guest);

    // The big screen joins as a display with the code, and shows its join QR code.
    const screen = await newPage();
    await screen.goto(present);
    await screen.getByRole('img', { name: /QR code for .*passcode=Rathaus/ }).waitFor();
    expect(await screen.getByRole('alert').count()).toBe(0);

    // A new code: the link follows; the old one no longer opens the room.
    await host.getByLabel('Passcode (optional)').fill('Sitzung-7');
    await host.getByRole('button', { name: 'Set passcode' }).click();
    await host.getByText('Saved: new participants need this passcode').waitFor();
    expect(await host.getByLabel('Participant link').inputValue()).toContain('passcode=Sitzung-7');
    const late = await newPage();
    await late.goto(link);
    await late.locator('plenum-questions [role="alert"]').waitFor();

    // Removed: the link is plain again, and anyone gets in.
    await host.getByRole('button', { name: 'Remove passcode' }).click();
    await host.getByText('Passcode removed').waitFor();
    expect(await host.getByLabel('Participant link').inputValue()).toBe(
      `${session.cli.url}/console#join=${room}`,
    );
    const open = await newPage();
    await open.goto(`${session.cli.url}/console#join=${room}`);
    await joined(open);
  });

  it('asks a participant without the code, says a wrong one is wrong, and joins with the right one', async () => {
    const { room, hostKey } = await createRoom(session.cli.url, {
      title: 'Geschlossen',
      lang: 'de',
      passcode: 'Rathaus 2026',
    });
    const guest = await newPage('de-DE');
    await guest.goto(`${session.cli.url}/console#join=${room}`);
    const field = guest.locator('plenum-questions').getByLabel('Zugangscode');
    await field.waitFor();
    expect(await axeViolations(guest)).toEqual([]);
    // Nothing of the room before the code: its title stays generic.
    expect(await guest.getByText('Geschlossen').count()).toBe(0);

    await field.focus();
    await guest.keyboard.type('Rathaus 2025');
    await guest.keyboard.press('Enter');
    const alert = guest.locator('plenum-questions [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Dieser Zugangscode stimmt nicht');
    expect(await axeViolations(guest)).toEqual([]);

    // The wrong code is selected in the field: typing replaces it.
    await guest.keyboard.type('Rathaus 2026');
    await guest.keyboard.press('Enter');
    await joined(guest);
    // Focus went on to the questions' field, not back to the page.
    const focused = await guest.evaluate(() => {
      let active = document.activeElement;
      const path: string[] = [];
      while (active) {
        path.push(active.tagName.toLowerCase());
        active = active.shadowRoot?.activeElement ?? null;
      }
      return path.slice(-2).join(' ');
    });
    expect(focused).toBe('plenum-questions textarea');

    // Remembered for this tab: a reload joins without asking.
    await guest.reload();
    await joined(guest);

    // A host device that did not set the code cannot put it in the links, and says so.
    const other = await newPage();
    await other.goto(`${session.cli.url}/console#room=${room}&key=${hostKey}&tab=share`);
    await other.getByText('This room has a passcode that this browser does not know').waitFor();
    expect(await other.getByLabel('Participant link').inputValue()).toBe(
      `${session.cli.url}/console#join=${room}`,
    );
  });
});
