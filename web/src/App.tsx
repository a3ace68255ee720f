import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { AdminSection } from './components/admin/AdminSection';
import { RequireSignIn } from './components/RequireSignIn';
import { AdminHomePage } from './pages/admin/AdminHomePage';
import { AuditPage } from './pages/admin/AuditPage';
import { JobsPage } from './pages/admin/JobsPage';
import { PlacesPage } from './pages/admin/PlacesPage';
import { UsersPage } from './pages/admin/UsersPage';
import { DigestPage } from './pages/DigestPage';
import { DocumentPage } from './pages/DocumentPage';
import { GapsPage } from './pages/GapsPage';
import { MyReportsPage } from './pages/MyReportsPage';
import { ReportsQueuePage } from './pages/ReportsQueuePage';
import { VerificationQueuePage } from './pages/VerificationQueuePage';
import { FolderPage } from './pages/FolderPage';
import { HomePage } from './pages/HomePage';
import { InsightsPage } from './pages/InsightsPage';
import { NewsPage } from './pages/NewsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SchemeFormPage } from './pages/SchemeFormPage';
import { SchemeHandoutPage } from './pages/SchemeHandoutPage';
import { SharePrintPage } from './pages/SharePrintPage';
import { SignInPage } from './pages/SignInPage';
import { SynonymsPage } from './pages/SynonymsPage';
import { ThemesPage } from './pages/ThemesPage';
import { ViewerPage } from './pages/ViewerPage';
import { pagePaths } from './routes';

const signedIn = (page: ReactNode) => <RequireSignIn>{page}</RequireSignIn>;
/** Administrators only, under the menu of the administration area. */
const administration = (page: ReactNode, withMenu = true) => signedIn(<AdminSection withMenu={withMenu}>{page}</AdminSection>);

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path={pagePaths.home} element={<HomePage />} />
        <Route path={pagePaths.signIn} element={<SignInPage />} />
        <Route path={pagePaths.themes} element={signedIn(<ThemesPage />)} />
        <Route path={pagePaths.news} element={signedIn(<NewsPage />)} />
        <Route path={pagePaths.folder} element={signedIn(<FolderPage />)} />
        <Route path={pagePaths.newScheme} element={signedIn(<SchemeFormPage mode="create" />)} />
        <Route path={pagePaths.editScheme} element={signedIn(<SchemeFormPage mode="edit" />)} />
        <Route path={pagePaths.document} element={signedIn(<DocumentPage />)} />
        <Route path={pagePaths.documentViewer} element={signedIn(<ViewerPage />)} />
        <Route path={pagePaths.sharePrint} element={signedIn(<SharePrintPage />)} />
        <Route path={pagePaths.schemeHandout} element={signedIn(<SchemeHandoutPage />)} />
        <Route path={pagePaths.insights} element={signedIn(<InsightsPage />)} />
        <Route path={pagePaths.myReports} element={signedIn(<MyReportsPage />)} />
        <Route path={pagePaths.reportsQueue} element={signedIn(<ReportsQueuePage />)} />
        <Route path={pagePaths.verificationQueue} element={signedIn(<VerificationQueuePage />)} />
        <Route path={pagePaths.gaps} element={signedIn(<GapsPage />)} />
        <Route path={pagePaths.digest} element={signedIn(<DigestPage />)} />
        <Route path={pagePaths.synonyms} element={administration(<SynonymsPage />)} />
        <Route path={pagePaths.admin} element={administration(<AdminHomePage />, false)} />
        <Route path={pagePaths.adminPlaces} element={administration(<PlacesPage />)} />
        <Route path={pagePaths.adminUsers} element={administration(<UsersPage />)} />
        <Route path={pagePaths.adminAudit} element={administration(<AuditPage />)} />
        <Route path={pagePaths.adminJobs} element={administration(<JobsPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
