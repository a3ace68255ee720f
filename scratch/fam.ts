import { createRequire } from 'node:module';
import snowball from 'snowball-stemmers';
const require = createRequire(import.meta.url);
const verbs = new Set(Object.keys(require('french-verbs-lefff/dist/conjugations.json')));
const st = snowball.newStemmer('french');
const strip=(s:string)=>s.normalize('NFD').replace(/[\u0300-\u036f]/g,'');
const stem=(w:string)=>strip(st.stem(w));
const words = 'chauffer chauffage chaufferie chauffe reconvertir reconversion isoler isolation isolant rénover rénovation installer installation embaucher embauche exporter exportation exportateur former formation formateur investir investissement loger logement héberger hébergement financer financement construire construction produire production diffuser diffusion décider décision recycler recyclage stocker stockage voyage voyager emploi employer employeur aide aider agriculteur agriculture électrique électricité créer création créateur transmettre transmission reprendre reprise acheter achat achats page message station nation fromage plage carte garage commune village apprentissage apprendre apprenti aménager aménagement équiper équipement rénové isolé chauffé'.split(' ');
for (const w of words) console.log(w.padEnd(16), stem(w));
