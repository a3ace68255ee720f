import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { RequireSignIn } from './components/RequireSignIn';
import { DocumentPage } from './pages/DocumentPage';
import { FolderPage } from './pages/FolderPage';
import { HomePage } from './pages/HomePage';
import { InsightsPage } from './pages/InsightsPage';
import { NewsPage } from './pages/NewsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SchemeFormPage } from './pages/SchemeFormPage';
import { SignInPage } from './pages/SignInPage';
import { SynonymsPage } from './pages/SynonymsPage';
import { ThemesPage } from './pages/ThemesPage';
import { pagePaths } from './routes';

const signedIn = (page: ReactNode) => <RequireSignIn>{page}</RequireSignIn>;

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
        <Route path={pagePaths.insights} element={signedIn(<InsightsPage />)} />
        <Route path={pagePaths.synonyms} element={signedIn(<SynonymsPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
