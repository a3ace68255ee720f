import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SignInPage } from './pages/SignInPage';
import { pagePaths } from './routes';

export function App() {
  return (
    <Layout>
      <Routes>
        <Route path={pagePaths.home} element={<HomePage />} />
        <Route path={pagePaths.signIn} element={<SignInPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
