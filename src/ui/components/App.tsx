import { Box, useStdin } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { StepLimitChoice } from '../../core/agent/agent-session.js';
import type { ConfirmAnswer, ConfirmRequest } from '../../core/approver.js';
import type { HeaderInfo, TuiBackend } from '../backend.js';
import { complete } from '../commands/complete.js';
import { useApprover } from '../hooks/useApprover.js';
import { useBatchedDispatch } from '../hooks/useBatchedDispatch.js';
import { useConfirmDialog } from '../hooks/useConfirmDialog.js';
import { useDoublePress } from '../hooks/useDoublePress.js';
import { useInputLine } from '../hooks/useInputLine.js';
import { useLiveData } from '../hooks/useLiveData.js';
import { useLiveKeys } from '../hooks/useLiveKeys.js';
import { useMainKeys } from '../hooks/useMainKeys.js';
import { usePendingQuestions } from '../hooks/usePendingQuestions.js';
import { useRuns } from '../hooks/useRuns.js';
import { useSpinnerFrame } from '../hooks/useSpinnerFrame.js';
import { useStepLimitPrompt } from '../hooks/useStepLimitPrompt.js';
import { useSubmit } from '../hooks/useSubmit.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { confirmDialogLines, stepLimitLines } from '../layout/dialog-lines.js';
import { footerLines, promptLines } from '../layout/footer-lines.js';
import { liveLines, selectedIndex, type LiveViewState } from '../layout/live-lines.js';
import { defaultSort, sortBy, visibleGuests, type LiveSort } from '../live/live-model.js';
import { LineCache } from '../layout/line-cache.js';
import { RowIndex } from '../layout/row-index.js';
import { textLines, type Line } from '../layout/line.js';
import { keyHints, statusSegments } from '../layout/status.js';
import { computeViewport, scrollTop } from '../layout/viewport.js';
import type { InputEdit } from '../state/input-line.js';
import { modelReasonFor } from '../state/model-reason.js';
import { uiReducer } from '../state/ui-reducer.js';
import { initialUiState } from '../state/ui-state.js';
import type { RunTracker } from '../run-tracker.js';
import { useUi } from '../ui-context.js';
import { Header } from './Header.js';
import { Panel } from './Panel.js';
import { Transcript } from './Transcript.js';
import { cardFix } from '../state/fix-action.js';

export interface AppProps {
  backend: TuiBackend;
  /** Called once when the user quits (/quit, Ctrl-C twice). */
  onExit(code: number): void;
  /** Told about every run, so the caller can let aborted runs finish their audit records before closing. */
  tracker?: RunTracker;
}

const quitWindowMs = 2000;
/** How often the live view reads the cluster again. */
export const liveIntervalMs = 3000;

/** The whole screen: header, transcript viewport, and the footer or the dialog that holds the keyboard. */
export function App({ backend, onExit, tracker }: AppProps) {
  const { glyphs, now, frameMs } = useUi();
  const { isRawModeSupported } = useStdin();
  const { columns: width, rows } = useTerminalSize();
  const [state, dispatchNow] = useReducer(uiReducer, initialUiState);
  // Everything goes through the batch, so a notice never overtakes events still queued.
  const dispatch = useBatchedDispatch(dispatchNow, frameMs, now);
  const [header, setHeader] = useState(() => backend.header());
  const [banner, setBanner] = useState(() => backend.modelBanner());
  const [top, setTop] = useState<number | null>(null);
  const [candidates, setCandidates] = useState<readonly string[]>([]);
  const confirms = usePendingQuestions<ConfirmRequest, ConfirmAnswer>();
  const steps = usePendingQuestions<null, StepLimitChoice>();
  const { input, edit, current } = useInputLine(() => backend.inputHistory());
  const quitKeys = useDoublePress(now, quitWindowMs);
  const rowIndex = useMemo(() => new RowIndex(new LineCache(glyphs)), [glyphs]);
  const busy = state.active !== null;
  const [liveOpen, setLiveOpen] = useState(false);
  const [liveSort, setLiveSort] = useState<LiveSort>(defaultSort);
  const [liveFilter, setLiveFilter] = useState({ text: '', editing: false });
  const [liveSelected, setLiveSelected] = useState<number | null>(null);
  const [liveMessage, setLiveMessage] = useState<LiveViewState['message']>(null);
  const live = useLiveData(backend, liveOpen, liveIntervalMs, now);

  useApprover(backend, confirms.ask);
  const onHeader = useCallback(
    (next: HeaderInfo) => {
      setHeader(next);
      setBanner(backend.modelBanner());
    },
    [backend],
  );
  const refresh = useCallback(() => onHeader(backend.header()), [backend, onHeader]);
  // The first frame may come before the session has opened: the header and the input history fill in once it has.
  useEffect(() => {
    backend.ready?.then(
      () => {
        refresh();
        edit({ type: 'earlier-history', lines: backend.inputHistory() });
      },
      () => undefined,
    );
  }, [backend, refresh, edit]);
  const askStepLimit = useCallback((signal: AbortSignal) => steps.ask(null, signal, 'stop'), [steps.ask]);
  const runs = useRuns(backend, dispatch, askStepLimit, refresh, tracker);
  const openLive = useCallback(() => setLiveOpen(true), []);
  const submit = useSubmit({ backend, dispatch, runs, banner, header, onHeader, onQuit: onExit, onTop: openLive });
  const dialog = useConfirmDialog(confirms.current, isRawModeSupported);
  const stepQuestion = confirms.current ? null : steps.current;
  useStepLimitPrompt(stepQuestion, isRawModeSupported);
  const spinnerFrame = useSpinnerFrame(glyphs.spinner, busy);

  const usable = Math.max(4, rows);
  // The banner says how to start Ollama: wrapped in full, never cut.
  const bannerLines = banner === null ? [] : textLines(banner, width, 'warning', '  ', '! ');
  const inputLines = promptLines(input, width, glyphs, banner !== null);
  const modal: Line[] | null =
    confirms.current && dialog
      ? confirmDialogLines(
          {
            request: confirms.current.question,
            modelReason: modelReasonFor(state.entries, confirms.current.question),
            step: dialog.step,
            details: dialog.details,
          },
          width,
          glyphs,
        )
      : stepQuestion
        ? stepLimitLines(width, glyphs)
        : null;
  const transcriptHeight = Math.max(
    1,
    usable - 1 - bannerLines.length - (modal ? modal.length : inputLines.length + 2),
  );
  rowIndex.update(state.entries, width - 1);
  const viewport = computeViewport(rowIndex, transcriptHeight, top);
  const focusKey = input.text === '' && !modal ? viewport.focusKey : null;
  const status = statusSegments(
    {
      quitArmed: quitKeys.armed,
      candidates,
      activity: state.active?.activity ?? null,
      scroll: { top: viewport.top, height: transcriptHeight, total: viewport.total, following: top === null },
    },
    glyphs,
  );
  const hints = keyHints(
    { busy, emptyInput: input.text === '', cardMarked: viewport.focusKey !== null },
    glyphs,
    width,
  );
  const bottom = modal ?? footerLines(status, inputLines, hints, width, glyphs);

  const editInput = (change: InputEdit) => {
    setCandidates([]);
    edit(change);
  };
  useMainKeys(
    {
      edit: editInput,
      applyFix: () => {
        if (current().text !== '' || !viewport.focusKey) return false;
        const card = state.entries.find((entry) => entry.key === viewport.focusKey);
        const fix = card?.kind === 'tool' && card.expanded ? cardFix(card) : null;
        if (!fix) return false;
        setTop(null);
        void runs.callTool(fix.tool, fix.args);
        return true;
      },
      enter: () => {
        const text = current().text;
        if (text.trim() === '') {
          if (viewport.focusKey) dispatch({ type: 'toggle-card', key: viewport.focusKey });
          return;
        }
        editInput({ type: 'submitted' });
        backend.rememberInput(text);
        setTop(null);
        submit(text);
      },
      complete: () => {
        const result = complete(current().text, backend.completions());
        edit({ type: 'replace', text: result.text });
        setCandidates(result.candidates);
      },
      scroll: (key) => setTop(scrollTop(top, key, viewport.total, transcriptHeight)),
      escape: () => (runs.running() ? runs.abort() : setCandidates([])),
      ctrlC: () => {
        if (quitKeys.press() === 'second') return onExit(0);
        if (runs.running()) runs.abort();
        else editInput({ type: 'replace', text: '' });
      },
      singleLine: !input.text.includes('\n'),
      live: openLive,
    },
    { enabled: isRawModeSupported && !liveOpen, modal: modal !== null },
  );

  const liveRows = useMemo(
    () => (liveOpen ? visibleGuests(live.data.guests, liveFilter.text, liveSort) : []),
    [liveOpen, live.data.guests, liveFilter.text, liveSort],
  );
  const chosen = liveRows[selectedIndex(liveRows, liveSelected)] ?? null;
  useLiveKeys(
    {
      editingFilter: liveFilter.editing,
      move: (by) => {
        if (liveRows.length === 0) return;
        const at = Math.min(liveRows.length - 1, Math.max(0, selectedIndex(liveRows, liveSelected) + by));
        setLiveSelected(liveRows[at]!.vmid);
      },
      sort: (column) => setLiveSort((current) => sortBy(current, column)),
      diagnose: () => {
        if (!chosen) return;
        setLiveOpen(false);
        setTop(null);
        submit(`/diagnose ${chosen.vmid}`);
      },
      power: (tool) => {
        if (!chosen) return;
        if (runs.running()) return setLiveMessage({ text: 'A turn is running: wait for it.', tone: 'warning' });
        const target = `${chosen.vmid}${chosen.name ? ` (${chosen.name})` : ''}`;
        setLiveMessage({ text: `${tool} ${target}${glyphs.ellipsis}`, tone: 'tool' });
        void runs.callTool(tool, { vmid: chosen.vmid }, (outcome) => {
          const tone = outcome.status === 'ok' ? 'ok' : outcome.status === 'denied' ? 'denied' : 'failed';
          setLiveMessage({ text: `${tool} ${target}: ${outcome.status}: ${outcome.summary}`, tone });
          live.refresh();
        });
      },
      startFilter: () => setLiveFilter((current) => ({ ...current, editing: true })),
      typeFilter: (text) => setLiveFilter((current) => ({ ...current, text: current.text + text })),
      backspaceFilter: () => setLiveFilter((current) => ({ ...current, text: current.text.slice(0, -1) })),
      endFilter: (keep) => setLiveFilter((current) => ({ text: keep ? current.text : '', editing: false })),
      refresh: live.refresh,
      close: () => setLiveOpen(false),
      ctrlC: () => {
        if (quitKeys.press() === 'second') return onExit(0);
        setLiveOpen(false);
      },
    },
    { enabled: isRawModeSupported && liveOpen, modal: modal !== null },
  );

  if (liveOpen) {
    const liveHeight = Math.max(3, usable - (modal ? modal.length : 0));
    const liveView: LiveViewState = {
      data: live.data,
      sort: liveSort,
      filter: liveFilter.text,
      editingFilter: liveFilter.editing,
      selected: chosen?.vmid ?? null,
      message: quitKeys.armed ? { text: 'Press Ctrl-C again within 2 s to quit', tone: 'warning' } : liveMessage,
      intervalMs: liveIntervalMs,
      rows: liveRows,
    };
    return (
      <Box flexDirection="column" width={width} height={usable}>
        <Panel lines={liveLines(liveView, width, liveHeight, glyphs, now())} />
        {modal && <Panel lines={modal} />}
      </Box>
    );
  }

  return (
    <Box flexDirection="column" width={width} height={usable}>
      <Header info={header} usage={state.usage} width={width} />
      {bannerLines.length > 0 && <Panel lines={bannerLines} />}
      <Transcript rows={viewport.rows} height={transcriptHeight} focusKey={focusKey} spinnerFrame={spinnerFrame} />
      <Panel lines={bottom} spinnerFrame={spinnerFrame} />
    </Box>
  );
}
