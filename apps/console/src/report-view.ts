import { PlenumError, type HostActions } from '@plenum/client';
import { css, html, nothing } from 'lit';
import { questionStatuses, type Report } from '@plenum/protocol';
import { downloadReport, eraseRoom, fetchReport, reportDownloads, type ReportDownload } from './api.js';
import { reactionsChart } from './chart.js';
import { ConsoleElement } from './console-element.js';
import type { HostRoom } from './host-room.js';
import { duration, longDate, timeOfDay } from './format.js';
import { reportActivities } from './report-activities.js';
import { errorText, t } from './i18n.js';
import { renderResults, resultStyles } from './results.js';
import { readRecording, recordingFields, startWarning, type Activity } from './recording-fields.js';
import { readRoomSettings, roomSettingsFields } from './room-settings-fields.js';
import { removeRoom } from './rooms.js';
import { $flash } from './route.js';

/**
 * @summary The event in numbers (with the paragraph to paste), the list of questions (linked
 * into the recording), downloads in every format, the room's language, time zone and
 * recording, and erasing the room.
 */
export class PlenumConsoleReport extends ConsoleElement {
  static override properties = {
    room: { type: String },
    hostKey: { type: String, attribute: 'host-key' },
    connection: { attribute: false },
    report: { state: true },
    message: { state: true },
    erasing: { state: true },
    erased: { state: true },
    recordingSaved: { state: true },
    settingsSaved: { state: true },
    startWarning: { state: true },
    includeAll: { state: true },
  };
  declare room: string;
  declare hostKey: string;
  /** The room's socket, for the settings (the report itself comes over HTTP). */
  declare connection: HostRoom | undefined;
  declare private report: Report | undefined;
  declare private message: string;
  declare private erasing: boolean;
  declare private erased: boolean;
  declare private recordingSaved: boolean;
  declare private settingsSaved: boolean;
  declare private startWarning: string;
  /** Downloads hold the host's full archive of questions, not the published list. */
  declare private includeAll: boolean;

  static override styles = [
    ...ConsoleElement.styles,
    resultStyles,
    css`
      .numbers {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
        margin: 0 0 1.5rem;
      }
      .numbers div {
        background: var(--panel);
        border: 1px solid var(--line);
        border-radius: 0.5rem;
        padding: 0.6rem 0.8rem;
      }
      .numbers dt {
        color: var(--muted);
        font-size: 0.9rem;
      }
      .numbers dd {
        margin: 0;
        font-size: 1.8rem;
        font-weight: 700;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        margin-bottom: 1.5rem;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.4rem 0.6rem;
        border-bottom: 1px solid var(--line);
      }
      td.num,
      th.num {
        text-align: right;
      }
      .wrap {
        overflow-x: auto;
      }
      .chart {
        margin: 0;
        max-width: 32rem;
        color: var(--accent);
      }
      .chart svg {
        display: block;
        width: 100%;
        height: 6rem;
        border-bottom: 1px solid var(--line);
      }
      .chart-axis {
        justify-content: space-between;
        color: var(--muted);
        font-size: 0.85rem;
      }
      .columns {
        display: grid;
        gap: 1.5rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
      }
      section {
        margin-bottom: 1.5rem;
      }
      .title-row {
        margin-bottom: 0.75rem;
      }
      .title-row h2 {
        margin: 0;
      }
      .reply {
        margin: 0.25rem 0 0;
      }
    `,
  ];

  constructor() {
    super();
    this.room = '';
    this.hostKey = '';
    this.message = '';
    this.erasing = false;
    this.erased = false;
    this.recordingSaved = false;
    this.settingsSaved = false;
    this.startWarning = '';
    this.includeAll = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#load();
  }

  async #load() {
    this.message = '';
    try {
      this.report = await fetchReport(this.room, this.hostKey);
    } catch (error) {
      this.message = errorText(error);
    }
  }

  override render() {
    const s = t();
    if (this.erased) return html`<p class="note" role="status">${s.erased} <a href="#">${s.home}</a></p>`;
    const report = this.report;
    return html`
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      <div class="row title-row">
        <h2>${s.reportTitle}</h2>
        <button type="button" @click=${this.#load}>${s.reportRefresh}</button>
      </div>
      ${report ? this.#numbers(report) : html`<p role="status">${s.loading}</p>`}
      <section aria-labelledby="downloads">
        <h2 id="downloads">${s.downloads}</h2>
        <p class="hint" id="downloads-hint">${s.downloadsHint}</p>
        <label
          ><input
            type="checkbox"
            .checked=${this.includeAll}
            @change=${(event: Event) => (this.includeAll = (event.target as HTMLInputElement).checked)}
          />
          ${s.includeAll}</label
        >
        <div class="row">
          ${reportDownloads
            .filter((download) => download !== 'chapters' || report?.recording?.startsAt !== undefined)
            .map(
              (download) =>
                html`<button
                  type="button"
                  aria-describedby="downloads-hint"
                  @click=${() => this.#download(download)}
                >
                  ${s.download(s.downloadNames[download]!)}
                </button>`,
            )}
        </div>
        ${
          report?.retention
            ? html`<p class="hint">
                ${s.retentionNote(longDate(report.retention.expiresAt), report.retention.days)}
              </p>`
            : nothing
        }
      </section>
      ${report ? html`${this.#settingsForm(report)} ${this.#recordingForm(report)}` : nothing}
      ${this.#erase()}
    `;
  }

  #numbers(report: Report) {
    const s = t();
    const statusRows = questionStatuses.map(
      (status) => [s.statusNames[status]!, report.questions.byStatus[status]] as const,
    );
    const labels = Object.entries(report.questions.byLabel).sort((a, b) => b[1] - a[1]);
    return html`
      <dl class="numbers">
        ${(
          [
            [s.viewers, report.audience.viewers],
            [s.peak, report.audience.peakConnections],
            [s.active, report.audience.activeParticipants],
            [s.contributions, report.contributions.total],
            [s.questions, report.questions.total],
            [s.upvotes, report.questions.upvotes],
            [s.pollResponsesTotal, report.pollResponses],
            [s.reactionsLabel, report.reactions.total],
          ] as const
        ).map(
          ([term, value]) =>
            html`<div>
              <dt>${term}</dt>
              <dd>${s.number(value)}</dd>
            </div>`,
        )}
      </dl>
      ${
        report.paragraph
          ? html`<plenum-console-copy-field
              class="paragraph"
              label=${s.paragraphLabel}
              value=${report.paragraph}
              multiline
            ></plenum-console-copy-field>`
          : nothing
      }
      <div class="columns">
        ${countTable('by-status', s.byStatus, statusRows)}
        ${labels.length ? countTable('by-label', s.byLabel, labels) : nothing}
        <section aria-labelledby="reactions-time">
          <h3 id="reactions-time">${s.reactionsOverTime}</h3>
          ${
            report.reactions.perMinute.length
              ? html`${reactionsChart(
                    report.reactions.perMinute,
                    s.reactionsChart(report.reactions.total, report.reactions.perMinute.length),
                  )}
                  <p class="muted">
                    ${Object.entries(report.reactions.byEmoji)
                      .map(([emoji, count]) => `${emoji} ${count}`)
                      .join(' · ')}
                  </p>`
              : html`<p class="muted">${s.noReactions}</p>`
          }
        </section>
      </div>
      ${
        report.polls.length
          ? html`<section aria-labelledby="report-polls">
              <h3 id="report-polls">${s.polls}</h3>
              <div class="columns">
                ${report.polls.map(
                  (poll) =>
                    html`<div class="panel" data-report-poll=${poll.id}>
                      <h4>${poll.title}</h4>
                      ${renderResults(
                        poll.options,
                        // As the downloads print it: multiple choice as shares of respondents.
                        poll.results.kind === 'multiple'
                          ? { ...poll.results, percentages: poll.percentages }
                          : poll.results,
                      )}
                    </div>`,
                )}
              </div>
            </section>`
          : nothing
      }
      ${reportActivities(report)} ${this.#questions(report)}
    `;
  }

  #questions(report: Report) {
    const s = t();
    if (report.questions.list.length === 0) return nothing;
    return html`<section aria-labelledby="report-questions">
      <h3 id="report-questions">${s.questionsList}</h3>
      <div class="wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${s.time}</th>
              <th scope="col">${s.question}</th>
              <th scope="col" class="num">${s.upvotes}</th>
              <th scope="col">${s.statusCol}</th>
              <th scope="col">${s.answered}</th>
              <th scope="col">${s.recording}</th>
            </tr>
          </thead>
          <tbody>
            ${report.questions.list.map((question) => {
              const link = question.recordingAt;
              // The link's moment: when it was answered, else when it was asked.
              const moment = question.answeredAt ?? question.createdAt;
              const offset = Math.floor((moment - (report.recording?.startsAt ?? 0)) / 1000);
              return html`<tr>
                <td>${timeOfDay(question.createdAt, report.timeZone)}</td>
                <td>
                  ${question.text}${question.label ? html` <span class="badge">${question.label}</span>` : nothing}
                  ${question.reply ? html`<p class="muted reply">${question.reply}</p>` : nothing}
                </td>
                <td class="num">${s.number(question.upvotes)}</td>
                <td>${s.statusNames[question.status]}</td>
                <td>${question.answered ? s.yes : '–'}</td>
                <td>
                  ${
                    link
                      ? html`<a href=${link} target="_blank" rel="noopener noreferrer"
                          >${s.atRecording(duration(offset))}</a
                        >`
                      : '–'
                  }
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  #settingsForm(report: Report) {
    const s = t();
    return html`<section aria-labelledby="settings-title">
      <h2 id="settings-title">${s.roomSettings}</h2>
      <form class="panel" @submit=${this.#saveSettings}>
        ${roomSettingsFields(report.lang, report.timeZone)}
        <button type="submit">${s.save}</button>
        <p role="status">${this.settingsSaved ? s.roomSettingsSaved : nothing}</p>
      </form>
    </section>`;
  }

  #recordingForm(report: Report) {
    const s = t();
    return html`<section aria-labelledby="recording-title">
      <h2 id="recording-title">${s.recordingSettings}</h2>
      <form
        class="panel"
        @submit=${this.#saveRecording}
        @input=${(event: Event) =>
          (this.startWarning = startWarning(
            event.currentTarget as HTMLFormElement,
            report.timeZone,
            activity(report),
          ))}
      >
        ${recordingFields(report.recording, report.timeZone, this.startWarning)}
        <button type="submit">${s.save}</button>
        <p role="status">${this.recordingSaved ? s.recordingSaved : nothing}</p>
      </form>
    </section>`;
  }

  #erase() {
    const s = t();
    return html`<section aria-labelledby="erase-title">
      <h2 id="erase-title">${s.erase}</h2>
      <p>${s.eraseWarn}</p>
      ${
        this.erasing
          ? html`<form class="panel" @submit=${this.#confirmErase}>
              <div class="field">
                <label for="erase-confirm">${s.eraseConfirmLabel(this.room)}</label>
                <input id="erase-confirm" name="confirm" required autocomplete="off" />
              </div>
              <div class="row">
                <button type="submit" class="danger">${s.eraseConfirm}</button>
                <button type="button" @click=${() => (this.erasing = false)}>${s.cancel}</button>
              </div>
            </form>`
          : html`<button type="button" class="danger" @click=${this.#startErase}>${s.erase}</button>`
      }
    </section>`;
  }

  async #startErase() {
    this.erasing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#erase-confirm')?.focus();
  }

  async #confirmErase(event: SubmitEvent) {
    event.preventDefault();
    const typed = String(new FormData(event.target as HTMLFormElement).get('confirm') ?? '').trim();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#erase-confirm');
    if (typed !== this.room) {
      input?.setCustomValidity(t().eraseConfirmLabel(this.room));
      input?.reportValidity();
      input?.addEventListener('input', () => input.setCustomValidity(''), { once: true });
      return;
    }
    this.message = '';
    try {
      await eraseRoom(this.room, this.hostKey);
      removeRoom(this.room);
      this.erased = true;
      $flash.set(t().erased);
      location.hash = '';
    } catch (error) {
      this.message = errorText(error);
    }
  }

  async #saveSettings(event: SubmitEvent) {
    event.preventDefault();
    this.message = '';
    this.settingsSaved = false;
    const settings = readRoomSettings(event.target as HTMLFormElement);
    if (!settings) return;
    try {
      await this.#host().updateRoom(settings);
    } catch (error) {
      this.message = errorText(error);
      return;
    }
    // The paragraph, the times and the recording's start follow the new language and zone.
    await this.#load();
    this.settingsSaved = true;
  }

  async #saveRecording(event: SubmitEvent) {
    event.preventDefault();
    this.message = '';
    this.recordingSaved = false;
    const form = event.target as HTMLFormElement;
    const timeZone = this.report?.timeZone ?? 'UTC';
    // Warned, and saved anyway: the host may know better.
    this.startWarning = this.report ? startWarning(form, timeZone, activity(this.report)) : '';
    try {
      await this.#host().updateRoom({ recording: readRecording(new FormData(form), timeZone) });
    } catch (error) {
      this.message = errorText(error);
      return;
    }
    // The links in the list come from the server: fetch the report with them.
    await this.#load();
    this.recordingSaved = true;
  }

  /** The host's actions on the room's socket (a refusal, while the key is not yet accepted). */
  #host(): HostActions {
    const host = this.connection?.host;
    if (!host) throw new PlenumError('not_joined', 'Not connected to the room yet.');
    return host;
  }

  async #download(download: ReportDownload) {
    this.message = '';
    try {
      await downloadReport(this.room, this.hostKey, download, this.includeAll);
    } catch (error) {
      this.message = errorText(error);
    }
  }
}

/** From the room's creation to the last thing that happened in it. */
function activity(report: Report): Activity {
  const moments = [
    report.createdAt,
    ...report.questions.list.flatMap((q) => [q.createdAt, q.answeredAt ?? q.createdAt]),
    ...report.reactions.perMinute.map((minute) => minute.at),
    report.audience.peakAt ?? report.createdAt,
  ];
  return { from: Math.min(...moments), to: Math.max(...moments) };
}

/** A titled table of (name, count) rows: questions by status, by label. */
function countTable(id: string, title: string, rows: readonly (readonly [string, number])[]) {
  return html`<section aria-labelledby=${id}>
    <h3 id=${id}>${title}</h3>
    <table>
      <tbody>
        ${rows.map(
          ([name, count]) =>
            html`<tr>
              <th scope="row">${name}</th>
              <td class="num">${count}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
