import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DisplayModeToggles } from './display/DisplayModeToggles';
import { useFocusNewScreen } from './keypad/use-focus-new-screen';
import { useKeypadBack } from './keypad/use-keypad-back';
import { SpokenPromptsProvider } from './speech/spoken-prompts-context';
import type { JourneyView } from '@kiosk/protocol';
import { useClient, useClientState } from './api/client-context';
import { InactivityWarning } from './components/InactivityWarning';
import { KeyboardSlotProvider } from './components/keyboard-slot';
import { StepIndicator } from './components/StepIndicator';
import { BusyScreen } from './screens/BusyScreen';
import { CatalogueScreen } from './screens/CatalogueScreen';
import { ConfirmScreen } from './screens/ConfirmScreen';
import { ErrorScreen } from './screens/ErrorScreen';
import { IdentifyingScreen } from './screens/IdentifyingScreen';
import { IdleScreen } from './screens/IdleScreen';
import { PaymentScreen } from './screens/PaymentScreen';
import { ReceiptScreen } from './screens/ReceiptScreen';
import { ReviewFormScreen } from './screens/ReviewFormScreen';
import { StatusLookupScreen } from './screens/StatusLookupScreen';
import { TakeNumberScreen } from './screens/TakeNumberScreen';
import { RatingScreen } from './screens/RatingScreen';
import { SignInScreen } from './staff/SignInScreen';
import { StaffShell } from './staff/StaffShell';
import { useLongPress } from './staff/use-long-press';
import { TechnicianShell } from './technician/TechnicianShell';
import { CameraGate, OpenCameraButton } from './camera';
import { ProcedurePageScreen } from './procedure-page';

function Screen({ view }: { view: JourneyView }) {
  const { t } = useTranslation();
  switch (view.step) {
    case 'idle':
      return <IdleScreen cardReader={view.cardReader} />;
    case 'identifying':
      return <IdentifyingScreen view={view} />;
    case 'identifyFailed':
      return (
        <ErrorScreen
          view={view}
          heading={t('identifyFailed.heading')}
          actions={[
            { label: t('identifyFailed.otherMethod'), command: { type: 'journey.useOtherMethod' } },
            { label: t('app.retry'), command: { type: 'journey.retry' }, primary: true },
          ]}
        >
          <OpenCameraButton />
        </ErrorScreen>
      );
    case 'choosingProcedure':
      // The registry is asked once the procedure is chosen: a short wait, with Hủy in the header.
      return view.lookingUp ? (
        <BusyScreen
          testId="screen-lookingUp"
          heading={t('identifying.lookingUp')}
          detail={t('catalogue.lookingUpDetail')}
        />
      ) : (
        <CatalogueScreen view={view} />
      );
    case 'reviewingForm':
      return <ReviewFormScreen view={view} />;
    case 'confirming':
      return <ConfirmScreen view={view} />;
    case 'submitting':
      return (
        <BusyScreen
          testId="screen-submitting"
          heading={t('submitting.heading')}
          detail={view.procedure?.intake === 'electronic' ? t('submitting.awaiting') : undefined}
        />
      );
    case 'submitFailed':
      return (
        <ErrorScreen
          view={view}
          heading={t('submitFailed.heading')}
          body={t('submitFailed.body')}
          actions={[{ label: t('app.retry'), command: { type: 'journey.retry' }, primary: true }]}
        />
      );
    case 'payingFee':
      return <PaymentScreen view={view} />;
    case 'printing':
      return <BusyScreen testId="screen-printing" heading={t('printing.heading')} />;
    case 'printFailed':
    case 'done':
      return <ReceiptScreen view={view} />;
    case 'statusLookup':
      return <StatusLookupScreen view={view} />;
    case 'rating':
      return <RatingScreen />;
    case 'procedureInfo':
      return <ProcedurePageScreen view={view} />;
    case 'takingNumber':
      return <TakeNumberScreen view={view} />;
  }
}

/** The kiosk's whole UI: a projection of the core's journey, plus header and warning. */
export function App() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const { connected, journey, session } = useClientState();
  const lastActivity = useRef(0);
  // Staff/technician mode: a hidden long press on the title opens the sign-in (README:
  // "Staff and technician access"); the session's role, decided by the core, picks the shell.
  const [signInOpen, setSignInOpen] = useState(false);
  const titlePress = useLongPress(() => setSignInOpen(true));
  const role = session?.role ?? 'citizen';
  const [shownRole, setShownRole] = useState(role);
  if (role !== shownRole) {
    // Signing in closes the sign-in screen, so signing out returns to the journey.
    setShownRole(role);
    if (role !== 'citizen') setSignInOpen(false);
  }

  useKeypadBack();
  useFocusNewScreen(journey?.step);

  // Every new journey starts in Vietnamese.
  useEffect(() => {
    if (journey?.step === 'idle' && i18n.language !== 'vi') void i18n.changeLanguage('vi');
  }, [journey?.step, i18n]);

  const onPointerDown = () => {
    const now = Date.now();
    if (
      role === 'citizen' &&
      !signInOpen &&
      journey &&
      journey.step !== 'idle' &&
      now - lastActivity.current > 2000
    ) {
      lastActivity.current = now;
      client.send({ type: 'journey.activity' });
    }
  };

  if (!connected || !journey) {
    return <BusyScreen testId="screen-connecting" heading={t('app.connecting')} />;
  }
  if (session && session.role !== 'citizen') {
    return (
      <div className="app" lang={i18n.language}>
        {session.role === 'staff' ? (
          <StaffShell session={session} />
        ) : (
          <TechnicianShell session={session} />
        )}
      </div>
    );
  }
  if (signInOpen) {
    return (
      <div className="app" lang={i18n.language}>
        <SignInScreen onClose={() => setSignInOpen(false)} />
      </div>
    );
  }
  // A column: header, the scrolling screen (its action bar stays at the bottom of the scroll
  // area), then the on-screen keyboard's own row; the keyboard never overlays the screen.
  return (
    <SpokenPromptsProvider step={journey.step}>
      <KeyboardSlotProvider>
        {(keyboardSlot) => (
          <div className="app" onPointerDown={onPointerDown} lang={i18n.language}>
            <header>
              <span className="title" data-testid="app-title" {...titlePress}>
                {t('app.title')}
              </span>
              {journey.step !== 'idle' &&
                journey.step !== 'statusLookup' &&
                journey.step !== 'procedureInfo' &&
                journey.step !== 'takingNumber' && <StepIndicator step={journey.step} />}
              <DisplayModeToggles step={journey.step} />
              <button
                className="lang"
                data-testid="language"
                onClick={() => void i18n.changeLanguage(i18n.language === 'vi' ? 'en' : 'vi')}
              >
                {t('app.language')}
              </button>
              {journey.step !== 'idle' && (
                <button
                  className="cancel"
                  data-testid="cancel"
                  onClick={() => client.send({ type: 'journey.cancel' })}
                >
                  {t('app.cancel')}
                </button>
              )}
            </header>
            <div className="viewport">
              <CameraGate step={journey.step}>
                <Screen view={journey} />
              </CameraGate>
            </div>
            <div className="keyboard-slot" ref={keyboardSlot} />
            {journey.attention === 'warning' && (
              <InactivityWarning
                seconds={journey.warningSeconds}
                onStay={() => client.send({ type: 'journey.activity' })}
              />
            )}
          </div>
        )}
      </KeyboardSlotProvider>
    </SpokenPromptsProvider>
  );
}
