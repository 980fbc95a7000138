import { lazy, Suspense } from 'react';
import { ConfigProvider } from 'antd';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { DISTRICT_ROLES } from './api/endpoints';
import { AuthProvider } from './auth/AuthContext';
import { antdLocale, LocaleProvider, useLocale } from './i18n';
import { LoginPage } from './pages/LoginPage';
import { AppLayout } from './shell/AppLayout';
import { PageLoading, RequireAuth, RequireRole } from './shell/guards';
import { usePrefersReducedMotion } from './shell/reduced-motion';
import './shell/shell.css';

// Everything past the login and the shell loads on demand, so the first screen stays small on a slow phone.
const DesignerHome = lazy(() => import('./designer/DefinitionBrowser'));
const DefinitionEditorPage = lazy(() => import('./designer/DefinitionEditorPage'));
const WorkspaceHome = lazy(() => import('./workspace/InboxPage'));
const InstancePage = lazy(() => import('./workspace/InstancePage'));
const MenuPage = lazy(() => import('./workspace/MenuPage'));
const OrderPage = lazy(() => import('./workspace/OrderPage'));
const MyOrdersPage = lazy(() => import('./workspace/MyOrdersPage'));
const DashboardPage = lazy(() => import('./workspace/DashboardPage'));
const AssessmentsPage = lazy(() => import('./workspace/AssessmentsPage'));
const AssessmentPage = lazy(() => import('./workspace/AssessmentPage'));
const RecordsPage = lazy(() => import('./workspace/RecordsPage'));
const CheckInPage = lazy(() => import('./workspace/records/CheckInPage'));
const PointsPage = lazy(() => import('./store/PointsPage'));
const CounterPage = lazy(() => import('./store/CounterPage'));
const StoreManagePage = lazy(() => import('./store/ManagePage'));
const FormPreviewPage = lazy(() => import('./pages/FormPreviewPage'));
const HarnessPage = lazy(() => import('./pages/HarnessPage'));
const PublicPages = lazy(() => import('./public/PublicPages'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const NotificationsPage = lazy(() => import('./notifications/NotificationsPage'));
const SurveysPage = lazy(() => import('./community/SurveysPage'));
const SurveyAnswerPage = lazy(() => import('./community/SurveyAnswerPage'));
const NeedsPage = lazy(() => import('./community/NeedsPage'));
const WishesPage = lazy(() => import('./community/WishesPage'));

/** Hash routes: the built studio works from any static server or the API server's `/` with no rewrite rules. */
function Routed() {
  return (
    <HashRouter>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/harness/form" element={<HarnessPage />} />
          <Route path="/public/*" element={<PublicPages />} />
          <Route
            element={
              <RequireAuth>
                <AppLayout />
              </RequireAuth>
            }
          >
            <Route index element={<Navigate to="/workspace" replace />} />
            <Route path="/workspace" element={<WorkspaceHome />} />
            <Route path="/workspace/instances/:id" element={<InstancePage />} />
            <Route path="/workspace/menu" element={<MenuPage />} />
            <Route path="/workspace/order" element={<OrderPage />} />
            <Route path="/workspace/orders" element={<MyOrdersPage />} />
            <Route path="/workspace/dashboard" element={<DashboardPage />} />
            <Route path="/workspace/assessments" element={<AssessmentsPage />} />
            <Route path="/workspace/assessments/:id" element={<AssessmentPage />} />
            <Route path="/workspace/records" element={<RecordsPage />} />
            <Route path="/workspace/check-in" element={<CheckInPage />} />
            <Route path="/points" element={<PointsPage />} />
            <Route path="/store" element={<CounterPage />} />
            <Route path="/store/manage" element={<StoreManagePage />} />
            <Route
              path="/designer"
              element={
                <RequireRole roles={DISTRICT_ROLES}>
                  <DesignerHome />
                </RequireRole>
              }
            />
            <Route
              path="/designer/:kind/:key"
              element={
                <RequireRole roles={DISTRICT_ROLES}>
                  <DefinitionEditorPage />
                </RequireRole>
              }
            />
            <Route path="/preview/form/:key" element={<FormPreviewPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/surveys" element={<SurveysPage />} />
            <Route path="/surveys/:id" element={<SurveyAnswerPage />} />
            <Route path="/needs" element={<NeedsPage />} />
            <Route path="/wishes" element={<WishesPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </HashRouter>
  );
}

// antd's default blue button text and grey secondary text fall short of WCAG AA contrast (4.5:1);
// people read these screens outdoors on phones, so both are one step darker. A hovered or pressed primary
// button darkens instead of lightening (antd's derived hover blue leaves white text under 4.5:1, and the
// pointer stays on a button just pressed).
const theme = { token: { colorPrimary: '#0958d9', colorPrimaryHover: '#003eb3', colorPrimaryActive: '#002c8c', colorTextSecondary: 'rgba(0, 0, 0, 0.65)', colorTextDescription: 'rgba(0, 0, 0, 0.65)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)' } };

const stillTheme = { token: { ...theme.token, motion: false } };

function Themed() {
  const { locale } = useLocale();
  // antd's motion off when the system asks for reduced motion: popups and lists open and close at once.
  const reducedMotion = usePrefersReducedMotion();
  return (
    <ConfigProvider locale={antdLocale(locale)} theme={reducedMotion ? stillTheme : theme}>
      <AuthProvider>
        <Routed />
      </AuthProvider>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <Themed />
    </LocaleProvider>
  );
}
