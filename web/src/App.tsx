import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AdminHomePage } from './admin/AdminHomePage';
import { AdminSection } from './admin/AdminSection';
import { AuditPage } from './admin/AuditPage';
import { JobsPage } from './admin/JobsPage';
import { PlacesPage } from './admin/PlacesPage';
import { UsersPage } from './admin/UsersPage';
import { RequireSignIn } from './auth/RequireSignIn';
import { SignInPage } from './auth/SignInPage';
import { DocumentPage } from './documents/DocumentPage';
import { NewsPage } from './documents/NewsPage';
import { ViewerPage } from './documents/ViewerPage';
import { FolderPage } from './folders/FolderPage';
import { SchemeFormPage } from './folders/SchemeFormPage';
import { ThemesPage } from './folders/ThemesPage';
import { DigestPage } from './insights/DigestPage';
import { GapsPage } from './insights/GapsPage';
import { InsightsPage } from './insights/InsightsPage';
import { MyReportsPage } from './reports/MyReportsPage';
import { ReportsQueuePage } from './reports/ReportsQueuePage';
import { pagePaths } from './routes';
import { HomePage } from './search/HomePage';
import { SynonymsPage } from './search/synonyms/SynonymsPage';
import { SchemeHandoutPage } from './sharing/SchemeHandoutPage';
import { SharePrintPage } from './sharing/SharePrintPage';
import { Layout } from './shell/Layout';
import { NotFoundPage } from './shell/NotFoundPage';
import { VerificationQueuePage } from './verification/VerificationQueuePage';

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
