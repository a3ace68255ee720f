/**
 * The lemmas the corpus generator (bench/corpus.ts) composes its French from: common nouns,
 * adjectives, verbs of the first and second groups, function words, towns and rivers of the
 * Region's kind of territory. bench/corpusText.ts derives the inflected and derived forms.
 */

const list = (text: string): string[] => text.trim().split(/\s+/);

export const nouns = list(`
abattement abonnement abord absence accès accident accompagnement accord accueil achat acompte acquisition acte action activité adaptation adhérent adhésion administration adresse adulte aéroport affaire âge agence agenda agent agglomération agrément agriculteur agriculture aide aidant aire alimentation allocation alternative amélioration aménagement amende amont analyse ancienneté animal animateur animation année annexe annonce annuaire antenne appareil appel application apprenti apprentissage approche appui aquaculture arbitrage arbre architecte architecture archive argent arrêté arrivée article artisan artisanat artiste assemblée assiette assistance association assurance atelier atout attestation attente attribution audience audit auteur autorisation autonomie avance avantage avenant avenir avenue avion avis avocat ayant
bailleur balance banque barème barrage base bassin bâtiment batterie bénéfice bénéficiaire besoin bibliothèque bien bilan biodiversité biomasse bois bonus bourse boutique branche brevet brochure budget bureau
cabinet cadre caisse calendrier campagne campus canal candidat candidature capacité capital caractère carburant carnet carrière carte cas catalogue catégorie cause caution centre cercle certificat certification chaîne chambre champ chantier chapitre charge charte chauffage chef chemin chèque chiffre choix chômage cible circuit circulaire circulation citoyen classe clause client climat clôture club coefficient collectif collège collectivité colloque comité commande commerce commerçant commission commune communauté compagnie compétence complément comptabilité compte concertation concours condition conditionnement conférence confiance conseil conseiller consommation consommateur construction consultation contact contenu contexte continuité contrat contribution contrôle convention coopération coopérative coordination copropriété corps correspondant cotisation couverture création crédit crèche critère croissance culture cursus cycle
danse date débat débit décision déclaration décret défense délai délégation délibération demande demandeur démarche déménagement département dépense déplacement dépôt désignation destination détail dette développement devis diagnostic dialogue diffusion diplôme direction directive dirigeant discipline dispositif disposition distance distribution diversité document domaine dommage donnée dossier dotation droit durée
eau échange échéance échelle école économie écosystème édition éducation effectif efficacité égalité élève élevage élu emploi employeur énergie enfance enfant engagement enjeu enquête enseignement ensemble entente entrée entreprise entrepreneur entretien enveloppe environnement envoi équipe équipement équilibre erreur espace établissement étape état étude étudiant évaluation événement évolution examen exception exercice exigence exonération expérience expert expertise exploitation exploitant exportation exposition
fabrication façade facture faculté famille faveur fédération femme ferme festival feuille filière financement fiche fin fiscalité flotte fonction fonctionnement fond fondation fonds forêt formalité formateur formation forme formulaire fournisseur foyer frais franchise frontière
gamme garage garantie gare gestion gestionnaire gîte gouvernance grille groupe groupement guichet guide
habitant habitat handicap hébergement hectare heure histoire hiver hôpital horaire hôtel
idée identité image immatriculation immeuble impact implantation importation impôt incubateur indemnité index indicateur industrie information infrastructure ingénierie initiative innovation inscription installation instance institution instruction instrument insertion intérêt intervention investissement investisseur
jardin jeune jeunesse jour journée jury justificatif
label laboratoire langue lauréat lecteur législation lettre levier liaison licence lien lieu ligne liste livre local location logement logiciel loi loisir lot lycée lycéen
machine magasin main maintenance maire mairie maison maître majoration manifestation marché marque matériel matière médecin média médiation membre menuiserie mer mesure métier méthode métropole mission mobilier mobilité modalité mode modèle modernisation module moment monde montagne montant motif mouvement moyen musée musique mutation mutualisation
nature navette navire niveau nom norme note notice notification numérique
objectif objet obligation observatoire occasion offre office opérateur opération opportunité orientation organisation organisme outil ouvrage ouverture
page paiement panel panneau papier parc parcours parent partenaire partenariat participation partie passage passeport patrimoine pays paysage pêche pêcheur pédagogie peine pension période permis personne personnel perspective phase pièce piscine piste place plafond plan planification plateforme pôle politique population port portail porteur poste potentiel pratique préfecture prélèvement premier présentation présidence président presse prestataire prestation prêt prévention prime principe priorité prise prix procédure processus production producteur produit professionnel programme progrès projet promotion propriétaire proposition protection protocole province public publication
qualification qualité quartier question quota
raison rapport réalisation recensement recette recherche réclamation recours recrutement rédaction réduction référence référent réforme refus région règle règlement réhabilitation relais relation remboursement rénovation rencontre rendez-vous réseau réservation résidence résultat retard retraite réunion revenu revue risque rivière route rubrique rythme
saison salaire salarié salle salon santé savoir secteur section sécurité séjour semaine séminaire sénior sens service seuil siège signature site situation société solde solidarité solution somme source spectacle sport stade stage stagiaire statut stockage stratégie structure subvention succès suivi sujet superficie support surface syndicat système
tableau taille tarif taux taxe technicien technique technologie télétravail temps terrain territoire texte thème tiers titre tourisme touriste tracteur train traitement trajet tranche transfert transformation transition transmission transport travail trésorerie tribunal trimestre tutelle tuteur
union unité université urbanisme urgence usage usager usine utilisateur
vacance valeur validation validité véhicule vélo vente verger versement version vie vigne vignoble village ville visite voie voirie voiture volet volume voyage vue
zone
`);

export const adjectives = list(`
accessible actif actuel administratif agricole agroalimentaire aléatoire alimentaire alternatif ambitieux ancien annuel apparent artisanal artistique associatif attractif audiovisuel automatique autonome avancé
bancaire bas beau bénévole bref budgétaire
central certain chaud cher civil clair collectif commercial commun communal complémentaire complet concret conforme considérable constant contractuel coopératif courant court créatif culturel
décisif définitif dernier départemental dérogatoire différent difficile digital direct disponible divers doux durable
écologique économique éducatif effectif efficace égal électrique électronique éligible énergétique entier environnemental essentiel étranger européen exceptionnel exclusif exemplaire expérimental extérieur
facile faible familial favorable fédéral ferroviaire final financier fiscal fixe fluvial forestier formel fort fragile français frontalier
général global grand gratuit gros
habituel haut historique horaire humain hydraulique
identique immédiat immobilier important individuel industriel informatique initial innovant intégral intense interne international intercommunal
jeune juridique juste
large léger légal libre local logistique lourd
maritime matériel maximal médical meilleur mensuel minimal mobile moderne modeste montagnard moyen multiple municipal
national naturel nécessaire net neuf nombreux normal nouveau numérique
obligatoire officiel opérationnel ordinaire original
partiel particulier patrimonial personnel petit physique plein pédagogique politique populaire portuaire positif possible postal pratique précis préalable premier principal prioritaire privé prochain productif professionnel profond progressif propre provisoire public
rapide rare réel régional régulier relatif rural
saisonnier scientifique scolaire second sensible simple social solidaire sportif spécial spécifique stable stratégique strict structurel suffisant supérieur
technique technologique temporaire territorial thermal total touristique traditionnel transfrontalier trimestriel
unique universitaire urbain urgent utile
varié vert viticole vivant volontaire
`);

/** Verbs of the first group (-er). */
export const verbsEr = list(`
accélérer accepter accompagner accorder accueillir acheter activer adapter adresser affecter afficher aider ajouter ajuster alimenter améliorer aménager amorcer analyser animer annoncer annuler anticiper appliquer apporter apprécier approuver appuyer arrêter arriver associer assumer assurer attester attribuer augmenter autoriser avancer
baisser bloquer bénéficier
calculer candidater capter céder certifier changer chercher chiffrer choisir circuler classer clôturer coller combiner commander commencer communiquer compenser compléter composer concentrer concerner conclure confier confirmer conserver considérer consolider consommer constater constituer consulter contacter continuer contribuer contrôler coordonner corriger créer cultiver
débloquer décider déclarer déclencher décliner déduire défendre déléguer demander démarrer déposer désigner destiner détailler détecter déterminer développer diffuser diminuer diriger discuter distribuer diversifier documenter donner doubler
échanger éclairer économiser éditer effectuer élaborer élargir éliminer embaucher emprunter encadrer encourager engager enregistrer enrichir entamer envisager envoyer équiper estimer étudier évaluer éviter examiner exécuter exercer exiger expérimenter expliquer exploiter exporter exposer
fabriquer faciliter facturer favoriser figurer filtrer financer fixer fonctionner fonder former fournir fusionner
gagner garantir gérer glisser gouverner grouper guider
habiter héberger
identifier illustrer imaginer impliquer implanter importer imposer imprimer inciter inclure indemniser indiquer informer innover inscrire installer instaurer instruire intégrer intéresser intervenir inventer investir inviter
jouer juger justifier
labelliser lancer libérer limiter livrer localiser loger louer
maintenir manquer marquer mener mesurer mobiliser modifier moderniser montrer motiver mutualiser
négocier noter notifier numériser
observer obtenir occuper organiser orienter
participer partager passer payer penser percevoir perdre permettre piloter placer planifier planter porter poser posséder pratiquer préciser préparer présenter préserver présider prêter prévoir privilégier procéder produire programmer progresser promouvoir proposer protéger prouver publier
qualifier quitter
rappeler rapprocher rassembler réaliser recenser recevoir rechercher recommander reconnaître recruter rédiger réduire refuser regarder regrouper rejoindre relancer relever remarquer rembourser remettre remplacer rencontrer rendre renforcer renouveler rénover renseigner réorganiser réparer répartir répondre reporter représenter réserver résider respecter restaurer rester retenir retirer retourner réunir réviser risquer
saisir sauvegarder sécuriser sélectionner sensibiliser signaler signer simplifier situer soigner solliciter soutenir stabiliser stimuler structurer suivre supporter supprimer surveiller
tarifer témoigner tenter terminer tester traiter transférer transformer transmettre transporter travailler trouver
utiliser
valider valoriser vérifier verser viser visiter
`).filter((verb) => verb.endsWith('er'));

/** Verbs of the second group (-ir, -issons). */
export const verbsIr = list(`
aboutir accomplir affermir agir agrandir alourdir amortir applaudir approfondir assainir assouplir atterrir bâtir blanchir choisir définir durcir éclaircir élargir embellir enrichir envahir établir faiblir finir fleurir fournir franchir garantir grandir guérir investir jaillir maigrir mûrir nourrir obéir punir rafraîchir ralentir réagir réfléchir réjouir remplir répartir resplendir rétablir réunir réussir rougir saisir salir subir unir vieillir
`);

/** Determiners, prepositions, conjunctions, pronouns, adverbs: the frequent short words of any French text. */
export const functionWords = list(`
le la les un une des du de au aux ce cette ces son sa ses leur leurs notre nos votre vos
et ou mais donc car ni puis ainsi aussi encore toujours déjà bien très plus moins peu trop
dans par pour sur sous avec sans entre vers chez selon depuis pendant avant après contre parmi lors
qui que dont où il elle ils elles on nous vous se en y ne pas tout tous toute toutes chaque
est sont a ont sera seront peut peuvent doit doivent fait font été être avoir
`);

/** Frequent adverbs in -ment made by hand; more are derived from the adjectives. */
export const adverbs = list(`
notamment également seulement désormais néanmoins toutefois cependant ensuite enfin dorénavant préalablement actuellement
`);

/** Towns of the South of France, as the documents would name them. */
export const towns = list(`
Toulouse Montpellier Nîmes Perpignan Béziers Narbonne Carcassonne Albi Castres Montauban Tarbes Rodez Cahors Auch Foix Mende Alès Sète Agde Lunel Millau Figeac Lourdes Pamiers Lodève Uzès Bagnols-sur-Cèze Beaucaire Vauvert Frontignan Lattes Mauguio Castelnau-le-Lez Blagnac Colomiers Tournefeuille Muret Balma Ramonville Saint-Gaudens Villefranche-de-Rouergue Decazeville Gaillac Graulhet Lavaur Mazamet Revel Castelnaudary Limoux Quillan Prades Céret Argelès-sur-Mer Canet-en-Roussillon Rivesaltes Elne Thuir Port-Vendres Banyuls-sur-Mer Collioure Leucate Gruissan Lézignan-Corbières Sigean Bram Belpech Saverdun Mirepoix Lavelanet Tarascon-sur-Ariège Ax-les-Thermes Saint-Girons Lannemezan Bagnères-de-Bigorre Vic-en-Bigorre Maubourguet Mirande Condom Lectoure Fleurance Eauze Nogaro Lombez Samatan Gimont Moissac Castelsarrasin Caussade Nègrepelisse Valence-d'Agen Beaumont-de-Lomagne Gourdon Souillac Gramat Saint-Céré Lalbenque Espalion Saint-Affrique Marvejols Langogne Florac Saint-Chély-d'Apcher Le Vigan Ganges Clermont-l'Hérault Pézenas Marseillan Bédarieux Saint-Pons-de-Thomières Lamalou-les-Bains Sommières Aigues-Mortes Le Grau-du-Roi Saint-Gilles Pont-Saint-Esprit Villeneuve-lès-Avignon Laudun Anduze Saint-Jean-du-Gard Quissac Lasalle
`);

export const rivers = list(`
Garonne Tarn Aveyron Lot Ariège Aude Hérault Orb Gard Vidourle Têt Tech Agly Adour Gers Baïse Save Gimone Dordogne Célé Viaur Dourbie Jonte Allier Cèze Ardèche Salat Neste Arize Hers Fresquel Orbiel Lez Mosson Thau Agout Dadou Viaur
`);

/** Syllables for invented names (companies, people, hamlets): plausible, and new words to the index. */
export const nameSyllables = list(`
bar ber bor cal cas cor dal dor fal fer gal gar lan lar lau mar mas mer mon mor nar nau pal per pey pra ral ron sal san ser tal tar ter tou val ver vil zac
ac ad ag al an ar as at el en er es et ic il in ir is it oc ol on or os ou
`);

export const firstNames = list(`
Agnès Alain Amandine Anaïs André Anne Antoine Arnaud Aurélie Bastien Béatrice Benoît Bernard Camille Carole Caroline Cécile Céline Chantal Charlotte Christian Christine Claire Clément Coralie Corinne Damien Daniel David Delphine Denis Didier Dominique Élodie Émilie Emmanuel Éric Estelle Fabien Fabrice Florence Florian Françoise Frédéric Gaëlle Gérard Gilles Guillaume Hélène Hervé Hugo Isabelle Jacques Jean Jérôme Joël Julie Julien Karine Laetitia Laure Laurent Léa Lucie Ludovic Magali Manon Marc Marie Marine Martine Mathieu Maxime Michel Mickaël Nadia Nathalie Nicolas Olivier Pascal Patrice Patricia Pauline Philippe Pierre Raphaël Régis Rémi Renaud Richard Romain Sabine Sandrine Sébastien Serge Sophie Stéphane Sylvie Thierry Thomas Valérie Vincent Virginie Xavier Yannick Yves
`);
